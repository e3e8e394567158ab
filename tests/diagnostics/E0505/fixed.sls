// E0505 fixed: the api checks a JWT on every route.
app shop {
  runtime = "python3.13"
}

function ListOrders {
  handler = "orders.list"
}

api Public http {
  auth = jwt { issuer = "https://auth.example.com", audience = ["shop"] }
  GET /orders -> ListOrders
}
