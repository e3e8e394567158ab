// E0242: more provisioned instances than the function may run
app shop { runtime = "python3.13" }

function Checkout {
  handler     = "checkout.handler"
  code        = "s3://shop-artifacts/checkout.zip"
  external    = true
  concurrency = 10
  alias       = live
  provisioned_concurrency = 20
}
