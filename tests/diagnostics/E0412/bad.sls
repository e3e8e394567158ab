// E0412: the route declares `orderId`, but its path names the parameter `id`.
app shop {
  runtime = "python3.13"
}

type Order {
  id:    string
  total: number
}

function GetOrder {
  handler = "orders.get"
}

api Public http {
  auth = iam
  GET /orders/{id} -> GetOrder {
    params { orderId: string }
    responses { 200 = Order }
  }
}
