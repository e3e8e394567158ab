// E0201: `code` is a folder, a `.zip`/`.jar` package or an S3 location: not a
// source file, not empty, not a bucket S3 would refuse
app shop { runtime = "python3.13" }

function Orders {
  handler  = "orders.handler"
  code     = "src/orders.py"
  external = true
}

function Payments {
  handler  = "payments.handler"
  code     = ""
  external = true
}

function Refunds {
  handler  = "refunds.handler"
  code     = "s3://Shop_Artifacts/refunds.zip"
  external = true
}
