// E0241: traffic shifting and provisioned concurrency without an alias
app shop { runtime = "python3.13" }

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
  deploy   = all_at_once
  provisioned_concurrency = 5
}
