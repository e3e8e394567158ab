// E0418: the query names an index the table does not have.
app shop {
  runtime = "python3.13"
}

table Orders {
  key     = { orderId: string }
  indexes { byCustomer = { customerId: string } }
}

api Public rest {
  auth = iam
  GET /customers/{id}/orders -> Orders.query {
    index = "byCustomers"
    key   = { customerId = path.id }
  }
}
