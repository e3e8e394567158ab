// E0207: `every 30s` is more often than once a minute, which EventBridge cannot schedule
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

schedule Probe every 30s -> HealthCheck
