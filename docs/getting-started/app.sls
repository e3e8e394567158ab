// The spec of docs/getting-started.md: an HTTP API takes orders and queues
// them; a worker fulfils them, and what keeps failing lands in a
// dead-letter queue.

app shop {
  runtime       = "nodejs22.x"
  architecture  = arm64
  log_retention = 14d
  acknowledge {
    CKV_AWS_115 = "concurrency is left to the account limit while the shop is small"
    CKV_AWS_116 = "the worker is fed by a queue with a dead-letter queue; the API function is called synchronously"
    CKV_AWS_117 = "the functions call only AWS APIs; there is nothing in a VPC to reach"
  }
}

type Order {
  orderId: string
  sku: string
  quantity: int(min = 1)
}

api Shop http {
  POST /orders -> PlaceOrder { auth = none, acknowledge = "a demo shop: anyone may order" }
}

function PlaceOrder {
  handler = "orders.place"
  code    = "src"
  timeout = 5s
  env { QUEUE_URL = Orders.url }
  sends Order to Orders
}

queue OrdersDlq {
  retention = 14d
}

queue Orders of Order {
  visibility_timeout = 60s
  dead_letter        = OrdersDlq after 5 receives
}

function Fulfil {
  handler = "orders.fulfil"
  code    = "src"
  timeout = 10s
  on Orders { batch = 10, partial_failures = true }
}
