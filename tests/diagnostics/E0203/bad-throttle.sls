// E0203: a throttle of 0 lets no request through
app shop { runtime = "python3.13" }

function ListOrders { handler = "orders.list" }
function PlaceOrder { handler = "orders.place" }

api Public http {
  auth = iam
  throttle { rate = 100, burst = 200 }
  GET /orders  -> ListOrders
  POST /orders -> PlaceOrder { throttle = { rate = 0, burst = 10 } }
}
