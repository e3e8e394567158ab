// E0251 fixed: a duration
app shop {
  runtime = "python3.13"
  alarms { notify = Ops }
}

topic Ops {}

function Export {
  handler  = "export.handler"
  code     = "s3://shop-artifacts/export.zip"
  external = true
  alarms { duration = 5s }
}
