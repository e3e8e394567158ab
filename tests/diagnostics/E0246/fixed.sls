// E0246 fixed: errors summed per period, the latency's 99th percentile
app shop { runtime = "python3.13" }

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
}

alarm CheckoutErrors {
  metric    = Checkout.errors
  statistic = sum
  threshold = 1
}

alarm CheckoutSlow {
  metric    = Checkout.duration
  statistic = p99
  threshold = 800ms
}
