// E0001: `fucntion` is a misspelt `function`, and is read as `function`
app shop {
  runtime = "python3.13"
}

fucntion Health {
  handler = "health.check"
}

api Public http {
  GET /health -> Health { auth = none, acknowledge = "a health check changes nothing" }
}
