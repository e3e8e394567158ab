// E0504: a Google API key
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
    MAPS = "AIzaSyA1234567890abcdefghijklmnopqrstuv"
  }
  on Invoices { batch = 1 }
}
