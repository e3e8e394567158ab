// W0326 fixed: the handler reports the messages that failed, and only those
// are retried
app jobs {
  runtime = "python3.13"
}

queue JobsDlq { retention = 14d }
queue Jobs {
  external           = true
  visibility_timeout = 60s
  dead_letter        = JobsDlq after 5 receives
}

function Work {
  handler = "work.handler"
  on Jobs { batch = 10, partial_failures = true }
}
