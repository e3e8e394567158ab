app example { runtime = "python3.13" }

queue Orders {}

// `TableName` names a queue.
state_machine Checkout {
  definition = "kind.asl.json"
}
