// W0243 fixed: the canary rolls back when the alias's errors alarm fires
app shop { runtime = "python3.13" }

function Checkout {
  handler     = "checkout.handler"
  code        = "s3://shop-artifacts/checkout.zip"
  external    = true
  alias       = live
  deploy      = canary { percent = 10, interval = 5m }
  rollback_on = [CheckoutErrors]
}

alarm CheckoutErrors {
  metric    = Checkout.errors
  threshold = 1
}
