// The order functions. The `use` below loads the entry file back, which
// is already being loaded: an import cycle.
use "./bad.sls"

function CreateOrder {
  handler = "orders.create"
  writes Orders
}

function GetOrder {
  handler = "orders.get"
  reads Orders
}
