// E0215: scopes on a route of an API with IAM auth: there is no JWT to
// read them from
app shop { runtime = "python3.13" }

function PlaceOrder { handler = "orders.place" }

api Public http {
  auth = iam
  POST /orders -> PlaceOrder { scopes = ["orders:write"] }
}
