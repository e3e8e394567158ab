// E0240: an alarm period CloudWatch does not take
app shop { runtime = "python3.13" }

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
}

alarm CheckoutErrors {
  metric    = Checkout.errors
  threshold = 1
  period    = 45s
}
