// E0223: the audience is a client of another pool than the issuer
app shop { runtime = "python3.13" }

function ListOrders { handler = "orders.list" }

userpool Users  { clients { Web = {} } }
userpool Admins { clients { Console = {} } }

api Public http {
  auth = jwt { issuer = Users, audience = [Admins.Console] }
  GET /orders -> ListOrders
}
