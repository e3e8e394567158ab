// E0404: two `or` groups joined by `and` make no single filter
app shop { runtime = "python3.13" }

type Order { orderId: string, total: number, country: string, express: bool }

queue OrdersDlq { retention = 14d }
queue Orders of Order {
  dead_letter = OrdersDlq after 5 receives
  external    = true
}

function Priority {
  handler = "priority.handler"
  on Orders where (total > 100 or express = true) and (country = "FR" or country = "DE" or orderId prefix "vip-") { batch = 10, partial_failures = true }
}
