// E0250 fixed: the reason says why
app shop {
  runtime = "python3.13"
  alarms { notify = Ops }
}

topic Ops {}

function Export {
  handler  = "export.handler"
  code     = "s3://shop-artifacts/export.zip"
  external = true
  alarms {
    duration = off { reason = "a nightly export: it may run up to its timeout" }
  }
}
