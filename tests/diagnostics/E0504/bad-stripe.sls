// E0504: a Stripe live secret key
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
    PAYMENTS = "sk_live_51HxYzAbCdEfGhIjKlMnOpQr"
  }
  on Invoices { batch = 1 }
}
