// E0406: the bounds are swapped, so no total is both above 5000 and below 1000
// The orders service, outside this spec, puts `OrderPlaced` events on the bus.
bus Shop_Bus

event OrderPlaced from "shop.orders" external {
  orderId:  string
  total:    number
  currency: "USD" | "EUR" | "GBP"
}

queue ReviewQueue

rule LargeOrders on Shop_Bus {
  match OrderPlaced where total > 5000 and total < 1000
  send to ReviewQueue
}
