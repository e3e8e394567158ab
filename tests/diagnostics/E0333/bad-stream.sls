// E0333: the table has a stream only in prod, its listener is always deployed
app shop {
  runtime = "python3.13"
}

param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Stage == "prod"

table Orders {
  key    = { id: string }
  stream = new_image if IsProd
}

function Listener {
  handler = "listener.handler"
  on Orders.stream
}
