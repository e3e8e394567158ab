// E0006: a suppression must say why the warning is fine here.
app shop {
  runtime = "python3.13"
}

queue Jobs {
  visibility_timeout = 60s
}

function Worker {
  handler = "worker.handler"
  timeout = 30s
  // slsc: allow W0302
  on Jobs
}
