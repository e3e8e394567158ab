// W0245 fixed: the deployment rolls back on its own alias's errors
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
