// W0104 fixed: `JobsDlq` is the dead-letter queue of `Jobs`.
app shop {
  runtime = "python3.13"
}

queue Jobs {
  visibility_timeout = 60s
  dead_letter        = JobsDlq after 5 receives
}

queue JobsDlq {
  retention = 14d
}

function Work {
  handler = "jobs.handler"
  timeout = 10s
  on Jobs
}
