// E0504: a password under `PWD`
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
    SMTP_PWD = "Tr0ub4dor&3"
  }
  on Invoices { batch = 1 }
}
