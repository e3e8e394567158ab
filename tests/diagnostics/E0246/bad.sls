// E0246: a percentile of a count
app shop { runtime = "python3.13" }

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
}

alarm CheckoutErrors {
  metric    = Checkout.errors
  statistic = p99
  threshold = 1
}
