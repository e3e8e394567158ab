app example { runtime = "python3.13" }

state_machine Fulfil {
  name       = "fulfil"
  definition = "flow.asl.json"
  external   = true
}

function Worker {
  handler = "worker.handler"
  external = true
}
