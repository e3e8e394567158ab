// E0003: `use` names `./report.sls`, but the file is `./reporting.sls`
use "./report.sls"

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
