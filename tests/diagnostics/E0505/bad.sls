// E0505: api `Public` has no `auth`, so `GET /orders` does not say who may call it
app shop {
  runtime = "python3.13"
}

function ListOrders {
  handler = "orders.list"
}

api Public http {
  GET /orders -> ListOrders
}
