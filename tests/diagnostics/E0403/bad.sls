// E0403: `>` compares numbers, but `createdAt` is a string
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
  match OrderPlaced where total >= 1000 and createdAt > "2026-01-01"
  send to ReviewQueue
}
