// E0215 fixed: the JWT authorizer checks each route's scopes
app shop { runtime = "python3.13" }

function ListProducts { handler = "products.list" }
function PlaceOrder { handler = "orders.place" }

api Public http {
  auth = jwt { issuer = "https://auth.shop.example.com", audience = ["shop-web"] }
  GET /products -> ListProducts { scopes = ["products:read"] }
  POST /orders -> PlaceOrder { scopes = ["orders:write", "orders:admin"] }
}
