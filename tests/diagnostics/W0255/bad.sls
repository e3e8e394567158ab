// W0255: default alarms, a topic on-call reads, and nobody told
app shop { runtime = "python3.13" }

topic Ops {
  subscribers { email = ["oncall@example.com"] }
}

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
}
