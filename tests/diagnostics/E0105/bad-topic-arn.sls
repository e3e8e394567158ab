// E0105: the owner of a topic outside the stack names it, not this spec
app ops { runtime = "python3.13" }

topic Partners {
  arn  = "arn:aws:sns:us-west-2:111122223333:partners"
  name = "partners"
}

queue Failures { retention = 14d }

function Relay {
  handler    = "relay.handler"
  on Partners { dead_letter = Failures }
  on_failure = Failures
}
