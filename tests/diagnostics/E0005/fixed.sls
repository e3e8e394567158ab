// E0005 fixed: functions and queues are built into the language; no `use` is needed.

app shop {
  runtime = "python3.13"
}

queue Shipments {
  visibility_timeout = 60s
}

function Ship {
  handler = "shipping.handler"
  timeout = 10s
  on Shipments { batch = 10, partial_failures = true }
}
