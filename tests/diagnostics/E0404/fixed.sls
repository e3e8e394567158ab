// E0404 fixed: one wildcard says "starts with EU- and ends with -X".
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
  match OrderPlaced where total >= 1000 and orderId matches "EU-*-X"
  send to ReviewQueue
}
