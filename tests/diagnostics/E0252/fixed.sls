// E0252 fixed: a latency and a rate
app shop {
  runtime = "python3.13"
  alarms { notify = Ops }
}

topic Ops {}

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
  slo { p99 = 800ms, errors = 0.5% }
}
