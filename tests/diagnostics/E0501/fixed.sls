// E0501 fixed: the function reads the table it is told about.
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
  reads Orders
  on Exports
}
