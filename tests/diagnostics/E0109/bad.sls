// E0109: table `order_items` and queue `OrderItems` both become the logical ID `OrderItems`
app shop {
  runtime = "python3.13"
}

table order_items {
  key = { orderId: string, sku: string }
}

queue OrderItems {
  visibility_timeout = 60s
}

function Pack {
  handler = "packing.handler"
  timeout = 10s
  writes order_items
  on OrderItems
}
