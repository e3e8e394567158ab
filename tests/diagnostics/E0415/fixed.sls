// E0415 fixed: the mapping reads the path's own parameter, `id`.
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
    input = { order = body, orderId = path.id }
  }
}
