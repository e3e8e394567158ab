// E0403: Lambda event filters have no wildcard match
app shop { runtime = "python3.13" }

type Order { orderId: string, sku: string }

queue OrdersDlq { retention = 14d }
queue Orders of Order {
  dead_letter = OrdersDlq after 5 receives
  external    = true
}

function Shoes {
  handler = "shoes.handler"
  on Orders where sku matches "SHOE-*-42" { batch = 10, partial_failures = true }
}
