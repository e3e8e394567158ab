// W0902: cfn-lint (W3037) flags the misspelt second action; slsc reports it
// on that action (line 8), not on the first one (line 7).
app reports { runtime = "python3.13" }
function Reports {
  handler = "reports.handler"
  allow [
    "ssm:GetParameter",
    "ssm:GetParamter"
  ] on "arn:aws:ssm:us-east-1:123456789012:parameter/reports"
}
api Admin http { auth = iam, GET /reports -> Reports }
