// E0202: `arm` is not an architecture; Lambda's are `x86_64` and `arm64`
app shop {
  runtime      = "python3.13"
  architecture = arm
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
