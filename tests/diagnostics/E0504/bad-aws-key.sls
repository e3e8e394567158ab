// E0504: an AWS access key id
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
    UPLOADER = "AKIAIOSFODNN7EXAMPLE"
  }
  on Invoices { batch = 1 }
}
