// W0409: rule `LargeOrders` matches `OrderPlaced`, but nothing in the spec emits it on `Shop_Bus`
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
