// E0416: an int where the event's field is a string, and a field the event lacks.
app shop {
  runtime = "python3.13"
}

type Order { sku: string, qty: int }
event OrderPlaced from "shop.orders" { sku: string, quantity: string }

bus Shop

function Audit {
  handler    = "audit.log"
  on_failure = drop { reason = "a demo" }
}

rule Placed on Shop {
  match OrderPlaced
  send to Audit
  dead_letter = drop { reason = "a demo" }
}

api Public rest {
  auth = iam
  POST /orders -> send OrderPlaced to Shop {
    body   = Order
    detail = { sku = body.sku, quantity = body.qty, placedAt = request.time }
  }
}
