// A cfn-lint finding (W3037 on the misspelt action, reported as W0902) is
// silenced like any other warning, by a suppression with its reason.
app reports { runtime = "python3.13" }
function Reports {
  handler = "reports.handler"
  // slsc: allow W0902 -- kept misspelt on purpose: this spec tests suppressions
  allow "ssm:GetParamter" on "arn:aws:ssm:us-east-1:123456789012:parameter/reports"
}
api Admin http { auth = iam, GET /reports -> Reports }
