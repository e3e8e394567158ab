// E0504: a password under a short name (`DB_PASS`)
app shop {
  runtime = "python3.13"
}

queue Invoices {
  external    = true
  dead_letter = drop { reason = "unbilled orders are billed again in the nightly run" }
}

function BillOrders {
  handler = "billing.handler"
  env {
    DB_PASS = "hunter2hunter2"
  }
  on Invoices { batch = 1 }
}
