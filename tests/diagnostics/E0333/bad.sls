// E0333: `Worker` is always deployed, but the queue it polls exists only in prod
app shop {
  runtime = "python3.13"
}

param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Stage == "prod"

queue Audit {
  when = IsProd
}

function Worker {
  handler = "worker.handler"
  on Audit
}
