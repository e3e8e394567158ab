// E0229: a private API whose resource policy would admit nobody.
app shop {
  runtime = "python3.13"
}

function Orders { handler = "orders.handler" }

api Internal rest {
  auth     = iam
  endpoint = private
  GET /orders -> Orders
}
