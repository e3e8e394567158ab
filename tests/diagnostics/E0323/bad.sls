// E0323: `concurrency = 0` throttles every call, and an API route calls it
app shop {
  runtime = "python3.13"
}

function GetOrder {
  handler     = "orders.get"
  concurrency = 0
}

api Shop http {
  auth = iam
  GET /orders/{id} -> GetOrder
}
