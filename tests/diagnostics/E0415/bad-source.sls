// E0415: `request.metod` is no fact of the request.
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
    input = { order = body, method = request.metod }
  }
}
