app example { runtime = "python3.13" }

// `Approve` waits for a token that no function sends back.
state_machine Approval {
  name       = "approval"
  definition = "approve.asl.json"
  external   = true
}

function Approver {
  handler = "approver.handler"
}
