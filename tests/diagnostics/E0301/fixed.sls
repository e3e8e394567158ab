// E0301 fixed: the visibility timeout is six times the consumer's timeout.
app shop {
  runtime = "python3.13"
}

queue Exports {
  visibility_timeout = 12m
}

function ExportOrders {
  handler = "exports.handler"
  timeout = 2m
  on Exports
}
