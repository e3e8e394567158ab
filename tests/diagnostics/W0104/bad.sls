// W0104: the dead-letter queue `JobsDlq` is declared but never attached to `Jobs`
app shop {
  runtime = "python3.13"
}

queue Jobs {
  visibility_timeout = 60s
}

queue JobsDlq {
  retention = 14d
}

function Work {
  handler = "jobs.handler"
  timeout = 10s
  on Jobs
}
