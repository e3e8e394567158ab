// E0242: scaling may provision more than the function may run
app shop { runtime = "python3.13" }

function Checkout {
  handler     = "checkout.handler"
  code        = "s3://shop-artifacts/checkout.zip"
  external    = true
  concurrency = 10
  alias       = live
  provisioned_concurrency = scaled { min = 2, max = 40, utilization = 0.7 }
}
