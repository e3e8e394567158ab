// E0105 fixed: the property is spelled `visibility_timeout`.
app shop {
  runtime = "python3.13"
}

queue Invoices {
  visibility_timeout = 2m
}

function RenderInvoice {
  handler = "invoices.render"
  timeout = 5s
  on Invoices
}
