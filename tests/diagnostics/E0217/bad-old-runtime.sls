// E0217: SnapStart on Java 8, which it never supported (Java 11 and later)
app shop { runtime = "python3.13" }

function Ledger {
  handler    = "shop.Ledger::handleRequest"
  runtime    = "java8.al2"
  code       = "s3://shop-artifacts/ledger-2.1.jar"
  snap_start = true
  external   = true
}
