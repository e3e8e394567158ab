app example { runtime = "python3.13" }

queue Orders { external = true }

state_machine Fulfil {
  definition = "flow.asl.json"
}

// More than 10 messages at once needs a batching window.
pipe OrdersToFulfil from Orders -> Fulfil {
  batch = 50
}
