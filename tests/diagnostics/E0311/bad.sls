// E0311: `drop` without a reason, and with an empty one
app stats {
  runtime = "python3.13"
}

queue Failures { retention = 14d }

function HourlyStats {
  handler    = "stats.handler"
  on_failure = Failures
}

function Cleanup {
  handler    = "cleanup.handler"
  on_failure = drop { reason = "" }
}

schedule Hourly every 1h -> HourlyStats {
  dead_letter = drop
}

schedule Nightly every 1d -> Cleanup {
  dead_letter = Failures
}
