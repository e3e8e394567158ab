// E0215: scopes on a public route, and an empty scope list: neither
// restricts anything
app shop { runtime = "python3.13" }

function ListProducts { handler = "products.list" }
function PlaceOrder { handler = "orders.place" }

api Public http {
  auth = jwt { issuer = "https://auth.shop.example.com", audience = ["shop-web"] }
  GET /products -> ListProducts { auth = none, scopes = ["products:read"] }
  POST /orders -> PlaceOrder { scopes = [] }
}
