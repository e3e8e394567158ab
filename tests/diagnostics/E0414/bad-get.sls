// E0414: a GET request has no body to put on the bus.
app shop {
  runtime = "python3.13"
}

event OrderPlaced from "shop.orders" {
  orderId: string
  total:   number
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
  GET /events -> send OrderPlaced to Shop
}
