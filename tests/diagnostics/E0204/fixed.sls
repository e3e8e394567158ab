// E0204 fixed: the runtime identifier is `nodejs22.x`.
app shop {
  runtime = "nodejs22.x"
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
