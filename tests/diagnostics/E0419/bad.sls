// E0419: a route that reads a bucket without saying which object.
app shop {
  runtime = "python3.13"
}

bucket Files

api Public rest {
  auth = iam
  GET /files -> Files.get
}
