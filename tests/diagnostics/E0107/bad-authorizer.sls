// E0107: a Lambda authorizer without its function, and a cached one with
// no header to key its decisions on
app shop { runtime = "python3.13" }

function Authorize  { handler = "auth.check" }
function ListOrders { handler = "orders.list" }

api Public http {
  authorizers {
    Partners  = lambda { headers = ["X-Api-Key"] }
    Operators = lambda { function = Authorize, headers = [], cache = 10m }
  }
  auth = Operators
  GET /orders -> ListOrders { auth = Partners }
}
