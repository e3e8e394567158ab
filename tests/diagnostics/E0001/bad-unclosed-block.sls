// E0001: the `}` of `env` is missing; by indentation, the function's `}` was taken for it
app shop {
  runtime = "python3.13"
}

table Orders {
  key = { pk: string }
}

function ListOrders {
  handler = "orders.list"
  env {
    TABLE = Orders.name
  reads Orders
}
