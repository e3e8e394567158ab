// E0401: a table-stream filter tests the new image of a stream that carries only keys
app shop { runtime = "python3.13" }

table Orders {
  key    = { orderId: string }
  stream = keys_only
}
queue WatchFailures

function Shipped {
  handler = "shipped.handler"
  on Orders.stream where NewImage.status = "shipped" {
    on_failure       = WatchFailures
    partial_failures = true
  }
}
