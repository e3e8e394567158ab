// W0329 fixed: API callers get the function's errors directly
app shop {
  runtime = "python3.13"
}

function GetOrder {
  handler = "orders.get"
}

api Shop http {
  auth = iam
  GET /orders/{id} -> GetOrder
}
