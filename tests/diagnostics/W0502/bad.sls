// W0502: `allow` grants every `s3:Get*` action on every object of the bucket
app shop {
  runtime = "python3.13"
}

queue Reports

function SendReport {
  handler = "reports.send"
  allow "s3:Get*" on "arn:aws:s3:::reports/*"
  on Reports
}
