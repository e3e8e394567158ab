// E0212 fixed: the function reads its region from AWS_REGION, which Lambda
// sets, and its own setting has a name of its own.
app shop {
  runtime = "python3.13"
}

function Report {
  handler = "report.handler"
  env {
    REPORT_REGION = "eu-west-1"
    REPORT_FORMAT = "csv"
  }
}

api Admin http {
  auth = iam
  GET /report -> Report
}
