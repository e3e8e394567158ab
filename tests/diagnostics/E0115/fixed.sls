// E0115 fixed: the queue is a `queue` declaration.
app shop {
  runtime = "python3.13"
}

queue Jobs {
  visibility_timeout = 60s
}

function Worker {
  handler = "worker.handler"
  timeout = 30s
  on Jobs
}
