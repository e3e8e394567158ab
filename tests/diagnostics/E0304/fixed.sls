// E0304 fixed: the route only queues the work; a queue consumer has the long timeout.
app reports {
  runtime = "python3.13"
}

bucket Reports

queue ReportJobs {
  visibility_timeout = 12m
}

function RequestReport {
  handler = "reports.request"
  timeout = 5s
  env { JOBS_URL = ReportJobs.url }
  sends to ReportJobs
}

function BuildReport {
  handler = "reports.build"
  timeout = 2m
  writes Reports
  on ReportJobs
}

api Backoffice http {
  auth = iam
  POST /reports -> RequestReport
}
