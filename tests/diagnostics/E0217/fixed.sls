// E0217 fixed: SnapStart on a Java 21 function; the Node.js function and
// the container image run without it
app shop { runtime = "nodejs22.x" }

function Quote {
  handler  = "quote.handler"
  external = true
}

function Ledger {
  handler    = "shop.Ledger::handleRequest"
  runtime    = "java21"
  code       = "s3://shop-artifacts/ledger-2.1.jar"
  snap_start = true
  external   = true
}

function Resize {
  image    = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/resize:2.0.1"
  external = true
}
