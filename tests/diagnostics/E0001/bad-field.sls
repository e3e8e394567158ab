// E0001: a field of an event is written `name: type`; the `:` is missing (read as `total: number`)
bus Shop

event OrderPlaced from "shop.orders" external {
  orderId: string
  total number
}

queue Big {
  visibility_timeout = 60s
  dead_letter = drop { reason = "orders are replayed from the table" }
}

rule LargeOrders on Shop {
  match OrderPlaced where total > 100
  send to Big
  dead_letter = drop { reason = "orders are replayed from the table" }
}
