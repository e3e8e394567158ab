// E0405 fixed: the value is spelled as the enum declares it.
// The orders service, outside this spec, puts `OrderPlaced` events on the bus.
bus Shop_Bus

event OrderPlaced from "shop.orders" external {
  orderId:  string
  total:    number
  currency: "USD" | "EUR" | "GBP"
}

queue ReviewQueue

rule LargeOrders on Shop_Bus {
  match OrderPlaced where total >= 1000 and currency = "USD"
  send to ReviewQueue
}
