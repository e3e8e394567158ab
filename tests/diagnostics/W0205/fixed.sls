// W0205 fixed: the app moves to `nodejs24.x`, which is supported.
app shop {
  runtime = "nodejs24.x"
}

table Orders {
  key = { pk: string }
}

function GetOrder {
  handler = "orders.get"
  reads Orders
}

api Storefront http {
  auth = iam
  GET /orders/{id} -> GetOrder
}
