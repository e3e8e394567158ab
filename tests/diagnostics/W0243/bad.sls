// W0243: a canary that no alarm can stop
app shop { runtime = "python3.13" }

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  external = true
  alias    = live
  deploy   = canary { percent = 10, interval = 5m }
}
