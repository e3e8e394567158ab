// Both fixed: the action is spelt right and the resource is an ARN.
app reports { runtime = "python3.13" }
function Reports {
  handler = "reports.handler"
  allow "ssm:GetParameter" on "arn:aws:ssm:us-east-1:123456789012:parameter/reports"
}
api Admin http { auth = iam, GET /reports -> Reports }
