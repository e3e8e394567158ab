// W0205: `nodejs20.x` reached end of support on 2026-04-30
app shop {
  runtime = "nodejs20.x"
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
