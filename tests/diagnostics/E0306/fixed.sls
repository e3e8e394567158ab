// E0306 fixed: the table turns on a stream of new and old item images.
app shop {
  runtime = "python3.13"
}

table Orders {
  key    = { pk: string, sk: string }
  stream = new_and_old_images
}

function AuditOrders {
  handler = "audit.handler"
  timeout = 30s
  on Orders.stream { batch = 100, start = trim_horizon, retries = 3 }
}
