// E0105: an imported value takes no default: the exporting stack sets it
app shop { runtime = "python3.13" }

param OrdersTable string {
  import  = "core-OrdersTable"
  default = "orders"
}

function Read {
  handler  = "read.handler"
  env { TABLE = OrdersTable }
  external = true
}
