// E0504: a Slack bot token
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
    NOTIFY = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOp"
  }
  on Invoices { batch = 1 }
}
