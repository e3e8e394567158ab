// E0416 fixed: the mapping gives every field of `Start`.
app shop {
  runtime = "python3.13"
}

type Order { sku: string, qty: int }
type Start { order: Order, method: string }

state_machine Fulfil {
  type       = express
  definition = "flow.asl.json"
  input      = Start
}

api Public rest {
  auth = iam
  POST /orders -> send to Fulfil {
    body  = Order
    input = { order = body, method = request.method }
  }
}
