// The contracts of the shop: what the payment service announces on the bus.

type LineItem {
  sku:   string
  qty:   int
  price: number
}

event PaymentSettled from "shop.payments" {
  orderId:  string
  amount:   number
  method:   "card" | "wallet"
  items:    [LineItem]
  express?: bool
}

event PaymentFailed from "shop.payments" {
  orderId: string
  reason:  string
}
