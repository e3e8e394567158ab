// E0004: this file uses `./orders.sls`, which uses this file back
use "./orders.sls"

app shop {
  runtime = "python3.13"
}

table Orders {
  key = { pk: string }
}

api Storefront http {
  auth = iam
  POST /orders      -> CreateOrder
  GET  /orders/{id} -> GetOrder
}
