// E0401: a rule target's input takes a field the event does not have
app shop { runtime = "python3.13" }

event OrderPlaced from "shop.orders" external { orderId: string, total: number }

queue Shipments {
  external    = true
  dead_letter = drop { reason = "shipments are replayed from the orders table" }
}
queue RuleDlq { retention = 14d }

rule Ship on default {
  match OrderPlaced
  send to Shipments { input = { orderId = detail.orderId, total = detail.totl } }
  dead_letter = RuleDlq
}
