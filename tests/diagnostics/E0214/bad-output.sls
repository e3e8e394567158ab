// E0214: an output name is a logical ID (letters and digits), an export
// name letters, digits, `:` and `-`
app orders {
  runtime = "python3.13"
  outputs {
    orders_table = Orders.name
    OrdersArn    = { value = Orders.arn, export = "orders/arn" }
  }
}

table Orders { key = { pk: string } }
