// E0301: queue `Exports` hides a message for 30 s (the default), less than the consumer's 2-minute timeout
app shop {
  runtime = "python3.13"
}

queue Exports

function ExportOrders {
  handler = "exports.handler"
  timeout = 2m
  on Exports
}
