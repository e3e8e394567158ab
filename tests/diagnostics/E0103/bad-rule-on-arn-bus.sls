// E0103: a rule listens on a bus of its own account and region, not on a
// bus given by ARN
app shop { runtime = "python3.13" }

bus Central { arn = "arn:aws:events:eu-west-1:111122223333:event-bus/central" }

event OrderPlaced from "shop.orders" external { orderId: string }

queue Orders {
  external    = true
  dead_letter = drop { reason = "orders are replayed from the central archive" }
}
queue RuleDlq { retention = 14d }

rule Collect on Central {
  match OrderPlaced
  send to Orders
  dead_letter = RuleDlq
}
