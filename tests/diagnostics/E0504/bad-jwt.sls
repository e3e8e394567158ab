// E0504: a JSON Web Token
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
    SERVICE_BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiaWxsaW5nIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
  }
  on Invoices { batch = 1 }
}
