// E0311 fixed: each `drop` says why losing the failures is acceptable.
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
  on_failure = drop { reason = "the next night's run deletes what this one left" }
}

schedule Hourly every 1h -> HourlyStats {
  dead_letter = drop { reason = "the next hourly run recomputes the same statistics" }
}

schedule Nightly every 1d -> Cleanup {
  dead_letter = Failures
}
