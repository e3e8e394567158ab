// E0001: an extra `}` ends `Resize` early, and `memory` lands outside any declaration
app shop {
  runtime = "python3.13"
}

function Resize {
  handler = "images.resize"
  env { SIZE = "256" }}
  memory = 1GB
}

api Public http {
  auth = iam
  GET /resize -> Resize
}
