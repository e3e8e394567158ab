// E0208 fixed: six fields, with `?` for the day of the month (Monday to Friday is MON-FRI).
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

schedule Weekdays cron "0 8 ? * MON-FRI *" -> DailyReport
