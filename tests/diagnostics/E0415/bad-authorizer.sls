// E0415: an authorizer value on a route that no authorizer protects.
app shop {
  runtime = "python3.13"
}

api Public rest {
  auth = iam
  GET /ip -> "https://checkip.example.com" {
    headers = { user = authorizer.userId }
  }
}
