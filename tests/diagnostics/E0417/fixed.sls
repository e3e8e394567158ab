// E0417 fixed: a REST API's mapping template builds the object.
app shop {
  runtime = "python3.13"
}

state_machine Fulfil {
  type       = express
  definition = "flow.asl.json"
}

api Public rest {
  auth = iam
  POST /orders -> send to Fulfil {
    input = { order = body, method = request.method }
  }
}
