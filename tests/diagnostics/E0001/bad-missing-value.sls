// E0001: `timeout =` is half typed; the error is at its `=`, and `memory` on the next line still counts
app shop {
  runtime = "python3.13"
}

function Resize {
  handler = "images.resize"
  timeout =
  memory = 1GB
}

api Public http {
  auth = iam
  GET /resize -> Resize
}
