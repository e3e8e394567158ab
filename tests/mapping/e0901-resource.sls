// E0901: cfn-lint (E3510) rejects a policy resource that is not an ARN;
// slsc reports it on that resource (line 8), not on the action (line 6).
app reports { runtime = "python3.13" }
function Reports {
  handler = "reports.handler"
  allow "ssm:GetParameter" on [
    "arn:aws:ssm:us-east-1:123456789012:parameter/reports",
    "parameter/reports"
  ]
}
api Admin http { auth = iam, GET /reports -> Reports }
