// E0116 fixed: the name depends on the condition (a name may), the
// retention is one value.
app shop {
  runtime = "python3.13"
}

param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Stage == "prod"

queue Jobs {
  name      = "prod-jobs" if IsProd else "dev-jobs"
  retention = 14d
}

function Worker {
  handler = "worker.handler"
  on Jobs
}
