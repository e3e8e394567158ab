// E0415: the mapping reads a field the route's body type does not have.
app shop {
  runtime = "python3.13"
}

type Order { sku: string, qty: int }

state_machine Fulfil {
  type       = express
  definition = "flow.asl.json"
}

api Public rest {
  auth = iam
  POST /orders -> send to Fulfil {
    body  = Order
    input = { sku = body.skus }
  }
}
