// W0409 fixed: the function that places orders says that it emits `OrderPlaced` on `Shop_Bus`.
app shop {
  runtime = "python3.13"
}

bus Shop_Bus

event OrderPlaced from "shop.orders" {
  orderId: string
  total:   number
}

function PlaceOrder {
  handler = "orders.place"
  emits OrderPlaced to Shop_Bus
}

api Storefront http {
  auth = iam
  POST /orders -> PlaceOrder
}

queue ReviewQueue

rule LargeOrders on Shop_Bus {
  match OrderPlaced where total >= 1000
  send to ReviewQueue
}
