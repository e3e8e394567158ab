// W0328: an hourly job whose runs are retried for up to 24 hours (the
// defaults) overlaps the next 23 runs
app stats {
  runtime = "python3.13"
}

schedule Hourly every 1h -> HourlyStats {
  dead_letter = drop { reason = "the next hourly run recomputes the same statistics" }
}

function HourlyStats {
  handler    = "stats.handler"
  on_failure = drop { reason = "the next hourly run recomputes the same statistics" }
}
