// E0304: the route's function may run 2 minutes, but an HTTP API gives up after 30 s
app reports {
  runtime = "python3.13"
}

bucket Reports

function BuildReport {
  handler = "reports.build"
  timeout = 2m
  writes Reports
}

api Backoffice http {
  auth = iam
  POST /reports -> BuildReport
}
