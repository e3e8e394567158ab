// E0116: a queue's retention cannot depend on a condition
app shop {
  runtime = "python3.13"
}

param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Stage == "prod"

queue Jobs {
  retention = 14d if IsProd
}

function Worker {
  handler = "worker.handler"
  on Jobs
}
