// W0302: queue `Invoices` hides a message for 60 s, less than six times the consumer's 30 s timeout
app billing {
  runtime = "python3.13"
}

queue Invoices {
  visibility_timeout = 60s
}

function RenderInvoice {
  handler = "invoices.render"
  timeout = 30s
  on Invoices
}
