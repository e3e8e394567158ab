// The reporting feature: a nightly job that writes a sales report.

bucket Reports

queue ReportFailures {
  retention = 14d
}

function NightlyReport {
  handler     = "reports.nightly"
  timeout     = 5m
  on_failure  = ReportFailures
  writes Reports
}

schedule Nightly cron "0 2 * * ? *" -> NightlyReport
