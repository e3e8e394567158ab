// E0210: a trigger on a FIFO queue sets a batching window, which FIFO queues do not support
app payments {
  runtime = "python3.13"
}

queue Ledger {
  fifo               = true
  visibility_timeout = 2m
}

function PostEntry {
  handler = "ledger.post"
  timeout = 15s
  on Ledger { batch = 10, window = 5s }
}
