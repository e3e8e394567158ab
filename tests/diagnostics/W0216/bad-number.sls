// W0216: a queue's delay is a parameter with no bounds: only its default is checked
app shop { runtime = "python3.13" }

param Delay number { default = 5 }

queue Jobs {
  delay       = Delay
  dead_letter = drop { reason = "jobs are re-sent by the scheduler" }
  external    = true
}

function Worker {
  handler = "worker.handler"
  on Jobs { batch = 10, partial_failures = true }
}
