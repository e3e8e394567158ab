// W0327: `Jobs` is consumed but nothing in the app sends to it, and the
// failures sent to `Alerts` reach nobody
app jobs {
  runtime = "python3.13"
}

queue JobsDlq { retention = 14d }
queue Jobs {
  visibility_timeout = 60s
  dead_letter        = JobsDlq after 5 receives
}
topic Alerts

function Work {
  handler = "work.handler"
  on Jobs { batch = 1 }
}

schedule Nightly every 1d -> Report {
  retry { max_age = 1h }
  dead_letter = drop { reason = "tomorrow's run covers the missed day" }
}

function Report {
  handler       = "report.handler"
  max_event_age = 1h
  on_failure    = Alerts
}
