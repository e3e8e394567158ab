// W0327 fixed: another app sends the jobs (`external = true`), and the
// operators' queue reads the alerts
app jobs {
  runtime = "python3.13"
}

queue JobsDlq { retention = 14d }
queue Jobs {
  external           = true
  visibility_timeout = 60s
  dead_letter        = JobsDlq after 5 receives
}
queue AlertsDlq { retention = 14d }
queue OnCall { retention = 14d }
topic Alerts {
  subscribe OnCall { dead_letter = AlertsDlq }
}

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
