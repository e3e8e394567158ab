// E0202: a parameter type CloudFormation parameters do not have here
app shop { runtime = "python3.13" }

param Stage strnig { default = "dev" }

function Report {
  handler = "report.handler"
  env { STAGE = Stage }
}
