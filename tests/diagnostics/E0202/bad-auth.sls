// E0202: `cognito` is not a form of auth: a user pool issues JWTs, which a
// `jwt` authorizer checks
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
