// E0306: a function reads `Orders.stream`, but table `Orders` has no stream
app shop {
  runtime = "python3.13"
}

table Orders {
  key = { pk: string, sk: string }
}

function AuditOrders {
  handler = "audit.handler"
  timeout = 30s
  on Orders.stream { batch = 100, start = trim_horizon, retries = 3 }
}
