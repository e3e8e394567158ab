// E0406 fixed: the range runs from the lower bound to the upper one.
// The orders service, outside this spec, puts `OrderPlaced` events on the bus.
bus Shop_Bus

event OrderPlaced from "shop.orders" external {
  orderId:  string
  total:    number
  currency: "USD" | "EUR" | "GBP"
}

queue ReviewQueue

rule LargeOrders on Shop_Bus {
  match OrderPlaced where total > 1000 and total < 5000
  send to ReviewQueue
}
