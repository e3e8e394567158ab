// E0415: the mapping reads a path parameter the route's path does not have.
app shop {
  runtime = "python3.13"
}

state_machine Fulfil {
  type       = express
  definition = "flow.asl.json"
}

api Public rest {
  auth = iam
  POST /orders/{id} -> send to Fulfil {
    input = { order = body, orderId = path.orderId }
  }
}
