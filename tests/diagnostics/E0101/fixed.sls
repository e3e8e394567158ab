// E0101 fixed: the trigger names the queue as declared.
app shop {
  runtime = "python3.13"
}

queue Shipments {
  visibility_timeout = 60s
}

function Ship {
  handler = "shipping.handler"
  timeout = 10s
  on Shipments
}
