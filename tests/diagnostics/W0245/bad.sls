// W0245: a deployment rolls back on another function's alarm
app shop { runtime = "python3.13" }

function Checkout {
  handler     = "checkout.handler"
  code        = "s3://shop-artifacts/checkout.zip"
  external    = true
  alias       = live
  deploy      = canary { percent = 10, interval = 5m }
  rollback_on = [PaymentsErrors]
}

function Payments {
  handler  = "payments.handler"
  code     = "s3://shop-artifacts/payments.zip"
  external = true
}

alarm PaymentsErrors {
  metric    = Payments.errors
  threshold = 1
}
