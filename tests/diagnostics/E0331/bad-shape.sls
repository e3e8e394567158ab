app example { runtime = "python3.13" }

// The file is JSON, but not a definition: no `StartAt` and `States`.
state_machine Orders {
  definition = "shape.asl.json"
}
