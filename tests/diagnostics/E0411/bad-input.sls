// E0411: the object a rule's input builds lacks a field of the queue's type
app shop { runtime = "python3.13" }

type Shipment { orderId: string, total: number, carrier: string }

event OrderPlaced from "shop.orders" external { orderId: string, total: number }

queue Shipments of Shipment {
  external    = true
  dead_letter = drop { reason = "shipments are replayed from the orders table" }
}
queue RuleDlq { retention = 14d }

rule Ship on default {
  match OrderPlaced
  send to Shipments { input = { orderId = detail.orderId, total = detail.total } }
  dead_letter = RuleDlq
}
