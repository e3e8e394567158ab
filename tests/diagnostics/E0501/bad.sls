// E0501: `ExportOrders` is given the name of table `Orders`, but its role may not read it
app shop {
  runtime = "python3.13"
}

table Orders {
  key = { pk: string, sk: string }
}

queue Exports

function ExportOrders {
  handler = "exports.handler"
  env { TABLE = Orders.name }
  on Exports
}
