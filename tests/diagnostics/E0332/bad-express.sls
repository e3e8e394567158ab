app example { runtime = "python3.13" }

state_machine Child {
  definition = "child.asl.json"
}

// An Express workflow cannot wait for a child execution.
state_machine Parent {
  type       = express
  definition = "parent.asl.json"
}
