// E0413: `group_id` on a route to a standard queue, which has no groups.
app shop {
  runtime = "python3.13"
}

type Order {
  customerId: string
  total:      number
}

queue Orders of Order {
  dead_letter   = drop { reason = "a demo" }
}

function Fulfil {
  handler = "orders.fulfil"
  on Orders { partial_failures = true }
}

api Public http {
  auth = iam
  POST /orders -> send to Orders { body = Order, group_id = "all" }
}
