// W0244: a hook that is itself traffic-shifted
app shop { runtime = "python3.13" }

function Checkout {
  handler        = "checkout.handler"
  code           = "s3://shop-artifacts/checkout.zip"
  external       = true
  alias          = live
  deploy         = all_at_once
  before_traffic = CheckoutTest
}

function CheckoutTest {
  handler = "checkout_test.handler"
  code    = "s3://shop-artifacts/checkout-test.zip"
  alias   = live
  deploy  = all_at_once
}
