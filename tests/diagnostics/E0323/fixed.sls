// E0323 fixed: the function may run as many copies as its callers need
app shop {
  runtime = "python3.13"
}

function GetOrder {
  handler     = "orders.get"
  concurrency = 20
}

api Shop http {
  auth = iam
  GET /orders/{id} -> GetOrder
}
