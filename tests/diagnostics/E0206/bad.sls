// E0206: new functions can no longer be created on `python3.7` (blocked since 2024-01-09)
app reports {
  runtime = "python3.7"
}

bucket Reports

queue ReportFailures {
  retention = 14d
}

function WeeklyReport {
  handler    = "report.weekly"
  timeout    = 2m
  on_failure = ReportFailures
  writes Reports
}

schedule Weekly cron "0 6 ? * MON *" -> WeeklyReport
