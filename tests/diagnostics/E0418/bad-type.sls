// E0418: a string path parameter for a number key attribute.
app shop {
  runtime = "python3.13"
}

table Orders {
  key = { orderId: number }
}

api Public rest {
  auth = iam
  GET /orders/{id} -> Orders.get {
    key = { orderId = path.id }
  }
}
