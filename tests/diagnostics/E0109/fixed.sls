// E0109 fixed: the queue is renamed, so the two logical IDs differ.
app shop {
  runtime = "python3.13"
}

table order_items {
  key = { orderId: string, sku: string }
}

queue PackingJobs {
  visibility_timeout = 60s
}

function Pack {
  handler = "packing.handler"
  timeout = 10s
  writes order_items
  on PackingJobs
}
