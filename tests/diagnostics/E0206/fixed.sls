// E0206 fixed: the app runs on `python3.13`.
app reports {
  runtime = "python3.13"
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
