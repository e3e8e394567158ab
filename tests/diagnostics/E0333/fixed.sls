// E0333 fixed: the function is under the queue's condition.
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
  when    = IsProd
  handler = "worker.handler"
  on Audit
}
