// E0504: a GitHub personal access token, whatever the variable is called
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
    GH_AUTH = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"
  }
  on Invoices { batch = 1 }
}
