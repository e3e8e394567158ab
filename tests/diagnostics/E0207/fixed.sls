// E0207 fixed: the schedule runs every minute, the shortest interval.
app monitoring {
  runtime = "python3.13"
}

queue CheckFailures {
  retention = 14d
}

function HealthCheck {
  handler    = "health.check"
  timeout    = 10s
  on_failure = CheckFailures
}

api Status http {
  auth = iam
  GET /health -> HealthCheck
}

schedule Probe every 1m -> HealthCheck
