// E0401: a queue trigger's filter tests a field the queue's messages lack
app shop { runtime = "python3.13" }

type Order { orderId: string, total: number }

queue OrdersDlq { retention = 14d }
queue Orders of Order {
  dead_letter = OrdersDlq after 5 receives
  external    = true
}

function BigOrders {
  handler = "big.handler"
  on Orders where totl >= 100 { batch = 10, partial_failures = true }
}
