// E0333: the API is always deployed, the function behind one of its routes only in prod
app shop {
  runtime = "python3.13"
}

param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Stage == "prod"

api Shop http {
  GET /debug -> Debug { auth = none }
}

function Debug {
  when    = IsProd
  handler = "debug.handler"
}
