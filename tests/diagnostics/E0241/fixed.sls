// E0241 fixed: the function publishes versions behind the alias `live`
app shop { runtime = "python3.13" }

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
  alias    = live
  deploy   = all_at_once
  provisioned_concurrency = 5
}
