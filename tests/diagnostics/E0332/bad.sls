app example { runtime = "python3.13" }

table Orders {
  key = { id: string }
}

// `Save` names its table by a literal name, not `${Orders}`.
state_machine Checkout {
  definition = "literal.asl.json"
}
