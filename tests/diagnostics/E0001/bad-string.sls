// E0001: a string without its closing quote; strings cannot span lines
app shop {
  runtime = "python3.13"
}

function Health {
  handler = "health.check
  timeout = 3s
}

api Public http {
  auth = iam
  GET /health -> Health
}
