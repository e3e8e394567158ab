// W0902: cfn-lint (W3037) knows every IAM action and flags the misspelt
// `ssm:GetParamter`; slsc reports it at this `allow` line (6).
app reports { runtime = "python3.13" }
function Reports {
  handler = "reports.handler"
  allow "ssm:GetParamter" on "arn:aws:ssm:us-east-1:123456789012:parameter/reports"
}
api Admin http { auth = iam, GET /reports -> Reports }
