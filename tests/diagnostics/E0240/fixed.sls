// E0240 fixed: a period of a whole minute, a window of at most a day
app shop { runtime = "python3.13" }

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
}

alarm CheckoutErrors {
  metric             = Checkout.errors
  threshold          = 1
  period             = 1m
  evaluation_periods = 3
}
