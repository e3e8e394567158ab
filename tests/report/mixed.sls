// A spec with errors and warnings, for the report format snapshots.
app shop {
  runtime = "python3.13"
}

queue Jobs {
  visibility_timeout = 10s
}

queue Unused

function Worker {
  handler = "worker.handler"
  timeout = 30s
  on Jobs { batch = 5 }
}

function Api {
  handler = "api.handler"
  timeout = 60s
}

api Public http {
  auth = iam
  GET /jobs -> Api
}
