// E0101: the trigger names `Shipment`, but the queue is called `Shipments`
app shop {
  runtime = "python3.13"
}

queue Shipments {
  visibility_timeout = 60s
}

function Ship {
  handler = "shipping.handler"
  timeout = 10s
  on Shipment
}
