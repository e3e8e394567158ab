// E0260: a rule passing more than it receives
app shop { runtime = "python3.13" }

event OrderPlaced from "shop.orders" {
  orderId: string
  total:   number
}
bus Orders

function Checkout {
  handler = "checkout.main"
  emits OrderPlaced to Orders
  traffic = 20/m
  external = true
}

function Ship {
  handler = "ship.main"
  on_failure = drop { reason = "orders are reconciled nightly" }
}

rule BigOrders on Orders {
  match OrderPlaced where total > 100
  send to Ship
  dead_letter = drop { reason = "orders are reconciled nightly" }
  passes = 250%
}
