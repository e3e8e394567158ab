// E0408 fixed: the promotion SKUs share a prefix, and one `prefix` test matches them all.
// The orders service, outside this spec, puts `OrderPlaced` events on the bus.
bus Shop_Bus

event OrderPlaced from "shop.orders" external {
  orderId: string
  total:   number
  sku:     string
}

queue PromoQueue

rule PromoOrders on Shop_Bus {
  match OrderPlaced where sku prefix "WINTER-2026-PROMO-"
  send to PromoQueue
}
