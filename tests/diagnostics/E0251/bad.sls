// E0251: a count where the alarm takes a share or a duration
app shop {
  runtime = "python3.13"
  alarms { notify = Ops }
}

topic Ops {}

function Export {
  handler  = "export.handler"
  code     = "s3://shop-artifacts/export.zip"
  external = true
  alarms { duration = 5 }
}
