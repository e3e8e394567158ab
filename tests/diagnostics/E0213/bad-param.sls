// E0213: a parameter whose default breaks its own constraints, and a
// constraint of the other type
app shop { runtime = "python3.13" }

param Stage string {
  default = "test"
  allowed = ["dev", "prod"]
}

param Retention number {
  default    = 7
  min        = 1
  max        = 30
  max_length = 2
}

function Report {
  handler = "report.handler"
  env { STAGE = Stage, DAYS = "${Retention}" }
}
