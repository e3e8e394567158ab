// E0414: the body of a route to a bus is its event; `body = T` says it twice.
app shop {
  runtime = "python3.13"
}

event OrderPlaced from "shop.orders" {
  orderId: string
  total:   number
}

type Order {
  orderId: string
}

bus Shop

queue Audit {
  dead_letter = drop { reason = "a demo" }
}

function Log {
  handler = "audit.log"
  on Audit { partial_failures = true }
}

rule Placed on Shop {
  match OrderPlaced
  send to Audit
}

api Public http {
  auth = iam
  POST /events -> send OrderPlaced to Shop { body = Order }
}
