// E0418 fixed: the item has both key attributes, each of its type.
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
    item = { customerId = body.customerId, orderedAt = request.time_epoch, total = body.total }
  }
}
