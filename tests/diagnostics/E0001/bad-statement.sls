// E0001: `raeds` is a misspelt `reads`, and is read as `reads`
app shop {
  runtime = "python3.13"
}

table Orders {
  key = { pk: string }
}

function ListOrders {
  handler = "orders.list"
  raeds Orders
}

api Public http {
  auth = iam
  GET /orders -> ListOrders
}
