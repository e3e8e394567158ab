app example { runtime = "python3.13" }

table Orders {
  key = { id: string }
}

// `Find` queries an index the table does not declare.
state_machine Lookup {
  definition = "index.asl.json"
  external   = true
}
