app example { runtime = "python3.13" }

function Remind { handler = "remind.handler" }

schedule_group Reminders {
  targets = [Remind]
}

state_machine Plan {
  definition = "remind.asl.json"
  external   = true
}
