// E0240: an alarm that evaluates more than a day
app shop { runtime = "python3.13" }

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
}

alarm CheckoutErrors {
  metric             = Checkout.errors
  threshold          = 1
  period             = 1h
  evaluation_periods = 25
}
