// E0208: a five-field Unix cron; EventBridge cron has six fields and a `?`
app reports {
  runtime = "python3.13"
}

bucket Reports

queue ReportFailures {
  retention = 14d
}

function DailyReport {
  handler    = "report.daily"
  timeout    = 2m
  on_failure = ReportFailures
  writes Reports
}

schedule Weekdays cron "0 8 * * 1-5" -> DailyReport
