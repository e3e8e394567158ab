// E0003 fixed: the `use` path names a file that exists, next to this one.
use "./reporting.sls"

app shop {
  runtime = "python3.13"
}

table Orders {
  key = { pk: string }
}

function GetOrder {
  handler = "orders.get"
  reads Orders
}

api Storefront http {
  auth = iam
  GET /orders/{id} -> GetOrder
}
