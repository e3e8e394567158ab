// E0250: an alarm turned off without a reason
app shop {
  runtime = "python3.13"
  alarms { notify = Ops }
}

topic Ops {}

function Export {
  handler  = "export.handler"
  code     = "s3://shop-artifacts/export.zip"
  external = true
  alarms { duration = off }
}
