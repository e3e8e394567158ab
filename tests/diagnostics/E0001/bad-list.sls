// E0001: the list of origins is never closed
app shop {
  runtime = "python3.13"
}

function Health {
  handler = "health.check"
}

api Public http {
  auth = iam
  cors {
    origins = ["https://shop.example.com",
    max_age = 1h
  }
  GET /health -> Health
}
