// W0329: only an API calls `GetOrder` (synchronously), so its asynchronous
// retries and failure destination do nothing
app shop {
  runtime = "python3.13"
}

queue Failures { retention = 14d }

function GetOrder {
  handler    = "orders.get"
  retries    = 0
  on_failure = Failures
}

api Shop http {
  auth = iam
  GET /orders/{id} -> GetOrder
}
