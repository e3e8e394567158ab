// E0901: cfn-lint (E3510) rejects a policy resource that is not an ARN;
// slsc reports it at this `allow` line (6).
app reports { runtime = "python3.13" }
function Reports {
  handler = "reports.handler"
  allow "ssm:GetParameter" on "parameter/reports"
}
api Admin http { auth = iam, GET /reports -> Reports }
