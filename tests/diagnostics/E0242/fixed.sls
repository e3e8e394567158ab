// E0242 fixed: reserved concurrency leaves room for the provisioned
// instances
app shop { runtime = "python3.13" }

function Checkout {
  handler     = "checkout.handler"
  code        = "s3://shop-artifacts/checkout.zip"
  external    = true
  concurrency = 30
  alias       = live
  provisioned_concurrency = 20
}
