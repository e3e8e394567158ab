// E0106 fixed: `timeout` is set once.
app shop {
  runtime = "python3.13"
}

table Orders {
  key = { pk: string }
}

function GetOrder {
  handler = "orders.get"
  timeout = 10s
  memory  = 256MB
  reads Orders
}

api Storefront http {
  auth = iam
  GET /orders/{id} -> GetOrder
}
