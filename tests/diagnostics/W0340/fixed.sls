app example { runtime = "python3.13" }

state_machine Approval {
  name       = "approval"
  definition = "approve.asl.json"
  external   = true
}

function Approver {
  handler = "approver.handler"
  answers Approval
}
