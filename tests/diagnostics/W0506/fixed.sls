// W0506 fixed: a JWT protects the api; only the catalogue stays public.
app shop {
  runtime = "python3.13"
}

function ListProducts {
  handler = "products.list"
}

function PlaceOrder {
  handler = "orders.place"
}

api Public http {
  auth = jwt { issuer = "https://auth.example.com", audience = ["shop"] }
  GET  /products -> ListProducts { auth = none }
  POST /orders   -> PlaceOrder
}
