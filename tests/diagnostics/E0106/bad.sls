// E0106: `timeout` is set twice in one function
app shop {
  runtime = "python3.13"
}

table Orders {
  key = { pk: string }
}

function GetOrder {
  handler = "orders.get"
  timeout = 5s
  memory  = 256MB
  timeout = 10s
  reads Orders
}

api Storefront http {
  auth = iam
  GET /orders/{id} -> GetOrder
}
