// E0001: an API's protocol is missing: `api Public http { ... }`
app shop {
  runtime = "python3.13"
}

function Health {
  handler = "health.check"
}

api Public {
  auth = iam
  GET /health -> Health
}
