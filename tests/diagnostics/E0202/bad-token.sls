// E0202: TOKEN authorizers are for REST APIs; an HTTP API's Lambda
// authorizer receives the request
app shop { runtime = "python3.13" }

function Check      { handler = "auth.check" }
function ListOrders { handler = "orders.list" }

api Public http {
  auth = lambda { function = Check, token = "Authorization" }
  GET /orders -> ListOrders
}
