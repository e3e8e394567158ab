// E0223 fixed: the audience is a client of the issuing pool
app shop { runtime = "python3.13" }

function ListOrders { handler = "orders.list" }

userpool Users { clients { Web = {} } }

api Public http {
  auth = jwt { issuer = Users, audience = [Users.Web] }
  GET /orders -> ListOrders
}
