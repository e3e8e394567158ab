// W0007 fixed: the stale suppression is gone.
app shop {
  runtime = "python3.13"
}

queue Jobs {
  visibility_timeout = 180s
}

function Worker {
  handler = "worker.handler"
  timeout = 30s
  on Jobs
}
