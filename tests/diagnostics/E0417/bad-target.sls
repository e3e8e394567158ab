// E0417: `headers` set the headers of a forwarded request; a queue takes `message`.
app shop {
  runtime = "python3.13"
}

queue Orders {
  dead_letter = drop { reason = "a demo" }
}

function Fulfil {
  handler = "orders.fulfil"
  on Orders { partial_failures = true }
}

api Public rest {
  auth = iam
  POST /orders -> send to Orders {
    headers = { caller = request.source_ip }
  }
}
