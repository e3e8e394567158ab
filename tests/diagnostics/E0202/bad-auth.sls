// E0202: `cognito` auth is for REST APIs: an HTTP API checks a user pool's
// JWTs with a `jwt` authorizer
app shop {
  runtime = "python3.13"
}

function ListOrders {
  handler = "orders.list"
}

api Public http {
  auth = cognito { pool = "eu-west-1_AbCdEf" }
  GET /orders -> ListOrders
}
