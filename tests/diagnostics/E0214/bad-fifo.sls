// E0214: a FIFO queue's name ends in `.fifo`, a standard queue's does not
app orders {
  runtime = "python3.13"
}

queue OrdersDlq { name = "orders-dlq", fifo = true, retention = 14d }
queue Orders {
  name          = "orders"
  fifo          = true
  content_dedup = true
  dead_letter   = OrdersDlq after 5 receives
  external      = true
}

queue AuditDlq { retention = 14d }
queue Audit {
  name        = "audit.fifo"
  dead_letter = AuditDlq after 5 receives
  external    = true
}

function Ship {
  handler = "ship.handler"
  on Orders { batch = 10, partial_failures = true }
  on Audit { batch = 10, partial_failures = true }
}
