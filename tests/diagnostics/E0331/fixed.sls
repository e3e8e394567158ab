app example { runtime = "python3.13" }

state_machine Orders {
  definition = "statemachine/orders.asl.json"
  external   = true   // started from outside the spec
}
