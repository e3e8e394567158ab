// E0006 fixed: the suppression gives its reason after `--`.
app shop {
  runtime = "python3.13"
}

queue Jobs {
  visibility_timeout = 60s
}

function Worker {
  handler = "worker.handler"
  timeout = 30s
  // slsc: allow W0302 -- the worker is idempotent; a second delivery is harmless
  on Jobs
}
