// E0107: a route requires an API key, but no usage plan gives out keys
app shop { runtime = "python3.13" }

function ListOrders { handler = "orders.list" }

api Partner rest {
  auth = iam
  GET /orders -> ListOrders { api_key = true }
}
