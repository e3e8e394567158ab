// E0234: a function with six layers; Lambda takes at most five
app shop { runtime = "python3.13" }

layer Auth    { code = "s3://shop-artifacts/layers/auth.zip" }
layer Billing { code = "s3://shop-artifacts/layers/billing.zip" }
layer Catalog { code = "s3://shop-artifacts/layers/catalog.zip" }
layer Pricing { code = "s3://shop-artifacts/layers/pricing.zip" }
layer Tax     { code = "s3://shop-artifacts/layers/tax.zip" }
layer Vendor  { code = "s3://shop-artifacts/layers/vendor.zip" }

function Checkout {
  handler  = "checkout.handler"
  code     = "s3://shop-artifacts/checkout.zip"
  layers   = [Auth, Billing, Catalog, Pricing, Tax, Vendor]
  external = true
}
