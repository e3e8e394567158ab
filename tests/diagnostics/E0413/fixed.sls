// E0413 fixed: messages of one customer form one group, kept in order.
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
  POST /orders -> send to Orders { body = Order, group_id = body.customerId }
}
