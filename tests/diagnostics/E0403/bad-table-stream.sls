// E0403: stream records write DynamoDB numbers as text: no numeric range
app shop { runtime = "python3.13" }

table Orders {
  key    = { orderId: string }
  stream = new_image
}
queue WatchFailures

function BigOrders {
  handler = "big.handler"
  on Orders.stream where NewImage.total > 100 {
    on_failure       = WatchFailures
    partial_failures = true
  }
}
