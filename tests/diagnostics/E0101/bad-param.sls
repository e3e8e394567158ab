// E0101: a string references a parameter, and a pseudo parameter, that do
// not exist
app shop { runtime = "python3.13" }

param Stage string { default = "dev" }

function Report {
  handler = "report.handler"
  env { TABLE = "orders-${Stgae}", REGION = "${AWS::Regoin}" }
}
