// E0504: the database password is written into the function's environment
app shop {
  runtime = "python3.13"
}

queue Invoices

function BillOrders {
  handler = "billing.handler"
  env {
    DB_HOST     = "billing.cluster-c9x2.us-east-1.rds.amazonaws.com"
    DB_PASSWORD = "correct-horse-battery"
  }
  on Invoices
}
