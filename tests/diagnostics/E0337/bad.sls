app example { runtime = "python3.13" }

function Remind { handler = "remind.handler" }
function Escalate { handler = "escalate.handler" }

schedule_group Reminders {
  targets = [Remind]
}

// The schedules it creates start `Escalate`, which the group's role does
// not invoke.
state_machine Plan {
  definition = "escalate.asl.json"
  external   = true
}
