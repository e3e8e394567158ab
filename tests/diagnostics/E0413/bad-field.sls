// E0413: the route groups messages by a field the body does not have.
// (`customer`, not `customerId`)
app shop {
  runtime = "python3.13"
}

type Order {
  customerId: string
  total:      number
}

queue Orders of Order {
  fifo          = true
  content_dedup = true
  dead_letter   = drop { reason = "a demo" }
}

function Fulfil {
  handler = "orders.fulfil"
  on Orders { partial_failures = true }
}

api Public http {
  auth = iam
  POST /orders -> send to Orders { body = Order, group_id = body.customer }
}
