// E0001: a rule's target is written `send to Queue`; `to` is missing
bus Shop

event OrderPlaced from "shop.orders" external {
  orderId: string
}

queue Fulfilment {
  visibility_timeout = 60s
  dead_letter = drop { reason = "orders are replayed from the table" }
}

rule Placed on Shop {
  match OrderPlaced
  send Fulfilment
  dead_letter = drop { reason = "orders are replayed from the table" }
}
