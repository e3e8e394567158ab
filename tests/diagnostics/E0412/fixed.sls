// E0412 fixed: the declared parameter has the path's name.
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
    params { id: string }
    responses { 200 = Order }
  }
}
