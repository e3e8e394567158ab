// E0202: there are no Lambda authorizers; an API's auth is `none`, `iam` or `jwt { ... }`
app shop {
  runtime = "python3.13"
}

function Authorize {
  handler = "auth.check"
}

function ListOrders {
  handler = "orders.list"
}

api Public http {
  auth = lambda { function = Authorize }
  GET /orders -> ListOrders
}
