// E0308 fixed: the six targets are split over two rules with the same `match`.
// The orders service (outside this spec: `external`) puts `OrderPlaced` events
// on the bus.
bus Shop_Bus

event OrderPlaced from "shop.orders" external {
  orderId: string
  total:   number
}

queue Billing
queue Shipping
queue Emails
queue Loyalty
queue Analytics
queue Fraud

rule NewOrderFulfilment on Shop_Bus {
  match OrderPlaced
  send to Billing
  send to Shipping
  send to Emails
}

rule NewOrderInsights on Shop_Bus {
  match OrderPlaced
  send to Loyalty
  send to Analytics
  send to Fraud
}
