// E0419 fixed: the object's key is the rest of the path.
app shop {
  runtime = "python3.13"
}

bucket Files

api Public rest {
  auth = iam
  GET /files/{key+} -> Files.get {
    key = path.key
  }
}
