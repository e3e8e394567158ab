// W0265: invocations on average longer than the timeout allows
app shop { runtime = "python3.13" }

api Reports http {
  GET /report -> Report { traffic = 100/h, auth = none, acknowledge = "a public report" }
}

function Report {
  handler = "report.main"
  timeout = 10s
  average_duration = 30s
}
