// E0202 fixed: the architecture is `arm64`.
app shop {
  runtime      = "python3.13"
  architecture = arm64
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
