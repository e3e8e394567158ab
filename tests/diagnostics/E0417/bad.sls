// E0417: an HTTP API cannot build a JSON object from pieces of the request.
app shop {
  runtime = "python3.13"
}

state_machine Fulfil {
  type       = express
  definition = "flow.asl.json"
}

api Public http {
  auth = iam
  POST /orders -> send to Fulfil {
    input = { order = body, method = request.method }
  }
}
