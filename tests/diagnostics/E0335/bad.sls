app example { runtime = "python3.13" }

queue Orders { external = true }

state_machine Fulfil {
  definition = "flow.asl.json"
}

// A Standard state machine runs asynchronously: a pipe cannot wait for it.
pipe OrdersToFulfil from Orders -> Fulfil {
  invocation = request_response
}
