// W0410 fixed: a rule routes `OrderShipped` to the queue that notifies customers.
app shop {
  runtime = "python3.13"
}

bus Shop_Bus

event OrderPlaced from "shop.orders" {
  orderId: string
  total:   number
}

event OrderShipped from "shop.orders" {
  orderId: string
  carrier: string
}

function PlaceOrder {
  handler = "orders.place"
  emits OrderPlaced to Shop_Bus
}

function ShipOrder {
  handler = "orders.ship"
  emits OrderShipped to Shop_Bus
}

api Storefront http {
  auth = iam
  POST /orders             -> PlaceOrder
  POST /orders/{id}/ship   -> ShipOrder
}

queue ReviewQueue
queue ShippingNotices

rule LargeOrders on Shop_Bus {
  match OrderPlaced where total >= 1000
  send to ReviewQueue
}

rule NotifyShipped on Shop_Bus {
  match OrderShipped
  send to ShippingNotices
}
