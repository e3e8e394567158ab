app example { runtime = "python3.13" }

// The file has a trailing comma.
state_machine Orders {
  definition = "broken.asl.json"
}
