// E0333: the bucket is always deployed, but it notifies a function that exists only in prod
app shop {
  runtime = "python3.13"
}

param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Stage == "prod"

queue Failures { retention = 14d }

bucket Uploads {}

function Audit {
  when       = IsProd
  handler    = "audit.handler"
  on_failure = Failures
  on Uploads
}
