// W0255 fixed: on-call hears about them
app shop {
  runtime = "python3.13"
  alarms { notify = Ops }
}

topic Ops {
  subscribers { email = ["oncall@example.com"] }
}

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
}
