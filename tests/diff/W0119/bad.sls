// W0119: the key changes, so CloudFormation must replace the table, and
// cannot while "shop-orders" is taken
app shop {
  runtime = "python3.13"
}

table Orders {
  name = "shop-orders"
  key  = { customerId: string, orderId: string }
}

function Api {
  handler = "api.handler"
  external = true
  writes Orders
}
