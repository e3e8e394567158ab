// E0418: the item a route puts lacks the table's sort key.
app shop {
  runtime = "python3.13"
}

type NewOrder { customerId: string, total: number }

table Orders {
  key = { customerId: string, orderedAt: number }
}

api Public rest {
  auth = iam
  POST /orders -> Orders.put {
    body = NewOrder
    item = { customerId = body.customerId, total = body.total }
  }
}
