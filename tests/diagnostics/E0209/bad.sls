// E0209: `batch = 100` on a standard queue needs a batching window of at least 1 s
app analytics {
  runtime = "python3.13"
}

queue ClickEvents {
  visibility_timeout = 2m
}

function IngestClicks {
  handler = "clicks.ingest"
  timeout = 15s
  on ClickEvents { batch = 100, partial_failures = true }
}
