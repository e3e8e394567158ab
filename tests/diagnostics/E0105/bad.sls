// E0105: `visibility` is not a property of a queue; the property is `visibility_timeout`
app shop {
  runtime = "python3.13"
}

queue Invoices {
  visibility = 2m
}

function RenderInvoice {
  handler = "invoices.render"
  timeout = 5s
  on Invoices
}
