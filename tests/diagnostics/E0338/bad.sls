app example { runtime = "python3.13" }

state_machine Fulfil {
  name       = "fulfil"
  definition = "flow.asl.json"
  external   = true
}

// `Fulfil` has no `.waitForTaskToken` task: there is no token to answer.
function Worker {
  handler = "worker.handler"
  answers Fulfil
}
