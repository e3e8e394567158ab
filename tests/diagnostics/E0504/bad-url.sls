// E0504: a connection URL with the password in it
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
    DATABASE = "postgres://billing:s3cr3t-pw@db.internal:5432/billing"
  }
  on Invoices { batch = 1 }
}
