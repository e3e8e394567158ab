app example { runtime = "python3.13" }

function Remind { handler = "remind.handler" }

schedule_group Reminders {
  targets = [Remind]
}

// The schedules name a role of another account, not the group's.
state_machine Plan {
  definition = "foreign-role.asl.json"
  external   = true
}
