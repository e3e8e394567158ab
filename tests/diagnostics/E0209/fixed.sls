// E0209 fixed: a 5 s batching window lets Lambda gather up to 100 messages.
app analytics {
  runtime = "python3.13"
}

queue ClickEvents {
  visibility_timeout = 2m
}

function IngestClicks {
  handler = "clicks.ingest"
  timeout = 15s
  on ClickEvents { batch = 100, window = 5s, partial_failures = true }
}
