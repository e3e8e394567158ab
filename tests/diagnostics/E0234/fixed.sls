// E0234 fixed: the shop's own helpers are one layer, the vendored
// libraries another
app shop { runtime = "python3.13" }

layer Shop   { code = "s3://shop-artifacts/layers/shop.zip" }
layer Vendor { code = "s3://shop-artifacts/layers/vendor.zip" }

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  layers   = [Shop, Vendor]
  external = true
}
