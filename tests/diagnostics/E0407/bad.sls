// E0407: `currency in []` lists no value, so the rule could never fire
// The orders service, outside this spec, puts `OrderPlaced` events on the bus.
bus Shop_Bus

event OrderPlaced from "shop.orders" external {
  orderId:  string
  total:    number
  currency: "USD" | "EUR" | "GBP"
}

queue ReviewQueue

rule LargeOrders on Shop_Bus {
  match OrderPlaced where total >= 1000 and currency in []
  send to ReviewQueue
}
