// E0401 fixed: the filter names the field as the event declares it.
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
  match OrderPlaced where total >= 1000
  send to ReviewQueue
}
