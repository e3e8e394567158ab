// E0203: SQS long-polls at most 20 s and delays messages at most 15 minutes
app shop { runtime = "python3.13" }

queue JobsDlq { retention = 14d }
queue Jobs {
  delay        = 20m
  receive_wait = 30s
  dead_letter  = JobsDlq
  external     = true
}

function Worker {
  handler = "worker.handler"
  on Jobs { batch = 10, partial_failures = true }
}
