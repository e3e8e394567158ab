// E0201: `code` is a folder, a built package or an S3 location; a URL is
// none of them, and an S3 location needs a key
app shop { runtime = "python3.13" }

function Orders {
  handler  = "orders.handler"
  code     = "https://artifacts.example.com/orders.zip"
  external = true
}

function Payments {
  handler  = "payments.handler"
  code     = "s3://shop-artifacts"
  external = true
}
