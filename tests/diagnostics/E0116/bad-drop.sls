// E0116: dropping failures is not a destination a condition can choose
app shop {
  runtime = "python3.13"
}

param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Stage == "prod"

queue Failures { retention = 14d }

function Worker {
  handler    = "worker.handler"
  external   = true
  on_failure = drop { reason = "replayed from the source" } if IsProd else Failures
}
