// W0119: the version deployed now, a named table keyed by order id
app shop {
  runtime = "python3.13"
}

table Orders {
  name = "shop-orders"
  key  = { orderId: string }
}

function Api {
  handler = "api.handler"
  external = true
  writes Orders
}
