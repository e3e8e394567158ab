// E0204: `node22.x` is not a Lambda runtime identifier; Node.js 22 is `nodejs22.x`
app shop {
  runtime = "node22.x"
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
