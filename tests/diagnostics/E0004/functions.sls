// The order functions, without a `use` of the entry file: names are
// global to a compilation, so `Orders` is visible here already.

function CreateOrder {
  handler = "orders.create"
  writes Orders
}

function GetOrder {
  handler = "orders.get"
  reads Orders
}
