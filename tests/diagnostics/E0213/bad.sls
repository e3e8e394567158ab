// E0213: `max` bounds a number, but `sku` is a string: its length limit is `max_length`
// The orders service, outside this spec, puts `OrderPlaced` events on the bus.
bus Shop_Bus

type LineItem {
  sku: string(max = 20)
  qty: int(min = 1, max = 99)
}

event OrderPlaced from "shop.orders" external {
  orderId: string(pattern = "^ord-[0-9]+$")
  total:   number(min = 0)
  items:   [LineItem](min_items = 1)
}

queue ReviewQueue

rule LargeOrders on Shop_Bus {
  match OrderPlaced where total >= 1000
  send to ReviewQueue
}
