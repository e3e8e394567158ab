// E0203: API Gateway caches an authorizer's decision for at most an hour
app shop { runtime = "python3.13" }

function Authorize  { handler = "auth.check" }
function ListOrders { handler = "orders.list" }

api Public http {
  auth = lambda { function = Authorize, cache = 2h }
  GET /orders -> ListOrders
}
