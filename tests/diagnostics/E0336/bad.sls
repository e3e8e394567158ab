app example { runtime = "python3.13" }

queue Orders { external = true }

state_machine Fulfil {
  definition = "flow.asl.json"
}

// `Orders` has two consumers: each message goes to one of them.
pipe OrdersToFulfil from Orders -> Fulfil {}

function Audit {
  handler = "audit.handler"
  on Orders
}
