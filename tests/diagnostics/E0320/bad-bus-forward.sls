// E0320: a rule that puts the events it matches back on its own bus
app shop { runtime = "python3.13" }

bus Shop

event OrderPlaced from "shop.orders" external { orderId: string }

queue RuleDlq { retention = 14d }

rule Echo on Shop {
  match OrderPlaced
  send to Shop
  dead_letter = RuleDlq
}
