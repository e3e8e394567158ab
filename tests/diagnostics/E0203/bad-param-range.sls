// E0203: the parameter allows a receive wait SQS rejects
app shop { runtime = "python3.13" }

param Wait number { default = 10, allowed = [0, 10, 30] }

queue JobsDlq { retention = 14d }
queue Jobs {
  receive_wait = Wait
  dead_letter  = JobsDlq
  external     = true
}

function Worker {
  handler = "worker.handler"
  on Jobs { batch = 10, partial_failures = true }
}
