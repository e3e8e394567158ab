// W0502 fixed: the grant names the one action and the one object the code reads.
app shop {
  runtime = "python3.13"
}

queue Reports

function SendReport {
  handler = "reports.send"
  allow "s3:GetObject" on "arn:aws:s3:::reports/daily/summary.csv"
  on Reports
}
