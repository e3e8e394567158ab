// E0419: an object's key from the request body, which an S3 integration cannot read.
app shop {
  runtime = "python3.13"
}

bucket Files

api Public rest {
  auth = iam
  PUT /files -> Files.put {
    key = body.name
  }
}
