// E0105: a block of settings written with `:`, as `params` and `query` are
app shop {
  runtime = "python3.13"
}

function Health {
  handler = "health.check"
  env { MODE: "strict" }
}

api Public http {
  auth = iam
  GET /health -> Health
}
