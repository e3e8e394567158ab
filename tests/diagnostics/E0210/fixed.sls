// E0210 fixed: the FIFO trigger has no `window`.
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
  on Ledger { batch = 10 }
}
