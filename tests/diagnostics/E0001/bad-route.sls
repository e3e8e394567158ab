// E0001: a route's arrow is `->`; `=>` is read as `->`
app shop {
  runtime = "python3.13"
}

function Health {
  handler = "health.check"
}

api Public http {
  auth = iam
  GET /health => Health
}
