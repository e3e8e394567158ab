// E0252: objectives without their units
app shop {
  runtime = "python3.13"
  alarms { notify = Ops }
}

topic Ops {}

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
  slo { p99 = 800, errors = 0.5 }
}
