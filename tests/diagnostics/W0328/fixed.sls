// W0328 fixed: neither the schedule nor Lambda retries a run past the next
app stats {
  runtime = "python3.13"
}

schedule Hourly every 1h -> HourlyStats {
  retry { max_age = 1h }
  dead_letter = drop { reason = "the next hourly run recomputes the same statistics" }
}

function HourlyStats {
  handler       = "stats.handler"
  max_event_age = 1h
  on_failure    = drop { reason = "the next hourly run recomputes the same statistics" }
}
