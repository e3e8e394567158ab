// E0403 fixed: the date is matched by its prefix, a test that strings support.
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
  match OrderPlaced where total >= 1000 and createdAt prefix "2026-"
  send to ReviewQueue
}
