app example { runtime = "python3.13" }

table Orders {
  key = { id: string }
}

state_machine Checkout {
  definition = "placeholder.asl.json"
  external   = true   // started from outside the spec
}
