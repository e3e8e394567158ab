// E0001: names cannot contain `-`; the queue and the reference are both read as `rule_dlq`
queue rule-dlq {
  retention = 14d
}

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
  send to Fulfilment
  dead_letter = rule-dlq
}
