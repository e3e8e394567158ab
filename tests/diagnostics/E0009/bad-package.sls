// E0009: a built package that has not been built (or is misnamed)
app shop { runtime = "java21" }

function Orders {
  handler = "shop.Orders::handleRequest"
  code    = "target/orders-1.0.jar"
  external = true
}
