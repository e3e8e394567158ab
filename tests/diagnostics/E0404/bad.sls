// E0404: `orderId prefix "EU-" and orderId suffix "-X"` tests one field twice
// with `and` in a way one event pattern cannot say
// The orders service (outside this spec: `external`) puts `OrderPlaced` events
// on the bus.
bus Shop_Bus

event OrderPlaced from "shop.orders" external {
  orderId:   string
  total:     number
  currency:  "USD" | "EUR" | "GBP"
  createdAt: string
}

queue ReviewQueue

rule LargeOrders on Shop_Bus {
  match OrderPlaced where total >= 1000 and orderId prefix "EU-" and orderId suffix "-X"
  send to ReviewQueue
}
