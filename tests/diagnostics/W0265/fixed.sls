app shop { runtime = "python3.13" }

api Reports http {
  GET /report -> Report { traffic = 100/h, auth = none, acknowledge = "a public report" }
}

function Report {
  handler = "report.main"
  timeout = 25s
  average_duration = 3s
}
