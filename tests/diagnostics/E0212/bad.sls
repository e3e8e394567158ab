// E0212: AWS_REGION is set by Lambda itself; setting it fails the deploy.
app shop {
  runtime = "python3.13"
}

function Report {
  handler = "report.handler"
  env {
    AWS_REGION = "eu-west-1"
    REPORT_FORMAT = "csv"
  }
}

api Admin http {
  auth = iam
  GET /report -> Report
}
