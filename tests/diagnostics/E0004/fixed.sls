// E0004 fixed: the file of functions does not `use` the entry file back.
use "./functions.sls"

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
