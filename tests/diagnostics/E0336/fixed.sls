app example { runtime = "python3.13" }

queue Orders { external = true }

state_machine Fulfil {
  definition = "flow.asl.json"
}

pipe OrdersToFulfil from Orders -> Fulfil {}
