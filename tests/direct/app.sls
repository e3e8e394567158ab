// Direct integrations: routes that send the request body to a queue, put it
// on a bus as an event, or forward the request to a URL, with no function in
// between; on an HTTP API and on a REST API, next to a function route.
app shop {
  runtime = "python3.13"
}

type Order {
  customerId: string
  total:      number
}

type Feedback {
  text: string
}

event OrderPlaced from "shop.orders" {
  orderId: string
  total:   number
}

queue OrdersDlq { fifo = true }
queue Orders of Order {
  fifo          = true
  content_dedup = true
  dead_letter   = OrdersDlq after 5 receives
}
queue Inbox of Feedback {
  dead_letter = drop { reason = "feedback may be lost" }
}
bus Shop

function Fulfil {
  handler = "orders.fulfil"
  on Orders { partial_failures = true }
}
function Read {
  handler = "feedback.read"
  on Inbox { partial_failures = true }
}
function Notify {
  handler    = "orders.notify"
  on_failure = drop { reason = "notifications may be lost" }
}
function Health {
  handler = "health.check"
}

rule Placed on Shop {
  match OrderPlaced
  send to Notify
  dead_letter = drop { reason = "notifications may be lost" }
}

api Public http {
  auth = iam
  POST /orders   -> send to Orders { body = Order, group_id = body.customerId }
  POST /events   -> send OrderPlaced to Shop
  POST /feedback -> send Feedback to Inbox { auth = none, acknowledge = "anyone may leave feedback" }
  GET  /health   -> Health { auth = none }
  GET  /ip       -> "https://httpbin.org/ip" { auth = none }
}

api Legacy rest {
  auth = iam
  POST /orders -> send to Orders { body = Order, group_id = "all" }
  POST /events -> send OrderPlaced to Shop
  GET  /health -> Health { auth = none }
  GET  /files/{path+} -> "https://files.example.com/{path}"
}
