// E0202: HTTP APIs have no usage plans or API keys
app shop { runtime = "python3.13" }

function ListOrders { handler = "orders.list" }

api Partner http {
  auth = iam
  usage_plans { Gold = { rate = 100, burst = 200 } }
  GET /orders -> ListOrders { api_key = true }
}
