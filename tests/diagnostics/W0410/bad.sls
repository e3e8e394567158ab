// W0410: `ShipOrder` emits `OrderShipped` on `Shop_Bus`, but no rule on that bus matches it
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

rule LargeOrders on Shop_Bus {
  match OrderPlaced where total >= 1000
  send to ReviewQueue
}
