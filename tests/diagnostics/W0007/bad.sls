// W0007: the visibility timeout was raised, so the suppression is stale.
app shop {
  runtime = "python3.13"
}

queue Jobs {
  visibility_timeout = 180s
}

function Worker {
  handler = "worker.handler"
  timeout = 30s
  // slsc: allow W0302 -- the worker is idempotent; a second delivery is harmless
  on Jobs
}
