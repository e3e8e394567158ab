// E0001: sizes are upper case (`512MB`) and durations lower case (`10s`)
app shop {
  runtime = "python3.13"
}

function Resize {
  handler = "images.resize"
  memory = 512mb
  timeout = 10sec
}

api Public http {
  auth = iam
  GET /resize -> Resize
}
