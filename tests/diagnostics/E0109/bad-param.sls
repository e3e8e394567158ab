// E0109: a parameter named like the one the CloudFormation target adds for
// the functions' code
app shop { runtime = "python3.13" }

param CodeBucket string { default = "shop-artifacts" }

function Report {
  handler = "report.handler"
  env { ARTIFACTS = CodeBucket }
}
