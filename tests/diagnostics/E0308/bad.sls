// E0308: rule `NewOrder` sends to six targets; EventBridge allows five per rule
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

rule NewOrder on Shop_Bus {
  match OrderPlaced
  send to Billing
  send to Shipping
  send to Emails
  send to Loyalty
  send to Analytics
  send to Fraud
}
