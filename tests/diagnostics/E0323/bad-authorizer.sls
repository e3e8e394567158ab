// E0323: an authorizer runs before every request it guards: with no
// concurrency, every request is refused
app shop { runtime = "python3.13" }

function Authorize {
  handler     = "auth.check"
  concurrency = 0
}
function ListOrders { handler = "orders.list" }

api Public http {
  auth = lambda { function = Authorize }
  GET /orders -> ListOrders
}
