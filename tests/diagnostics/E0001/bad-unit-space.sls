// E0001: a unit follows its number without a space
app shop {
  runtime = "python3.13"
}

function Resize {
  handler = "images.resize"
  timeout = 10 s
}

api Public http {
  auth = iam
  GET /resize -> Resize
}
