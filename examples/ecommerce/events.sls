// The contracts of the shop: what customers and partners send, and what the
// payment service announces on the bus.

type NewOrder {
  customer: string(min_length = 1, max_length = 64)
  items:    [LineItem](min_items = 1, max_items = 50)
  express?: bool
}

type Accepted {
  orderId: string
}

type Problem {
  message: string
}

type LineItem {
  sku:   string(pattern = "^[A-Z]{3}-[0-9]{3,6}$", example = "ABC-1234")
  qty:   int(min = 1, max = 99)
  price: number(min = 0)
}

// What the order processor puts on the payments queue.
type PaymentRequest {
  orderId: string
  amount:  number(min = 0)
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
