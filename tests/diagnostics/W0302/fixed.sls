// W0302 fixed: the visibility timeout is six times the consumer's timeout (180 s).
app billing {
  runtime = "python3.13"
}

queue Invoices {
  visibility_timeout = 3m
}

function RenderInvoice {
  handler = "invoices.render"
  timeout = 30s
  on Invoices
}
