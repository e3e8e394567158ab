app example { runtime = "python3.13" }

state_machine Orders {
  definition = "orders.asl.json"   // no such file next to the spec
}
