// E0101: a route names an authorizer its API does not have
app shop { runtime = "python3.13" }

function Authorize  { handler = "auth.check" }
function ListOrders { handler = "orders.list" }

api Public http {
  authorizers {
    Partners = lambda { function = Authorize }
  }
  auth = Partners
  GET /orders -> ListOrders { auth = Partner }
}
