// E0307: a FIFO topic delivers only to SQS queues, not to people
app shop { runtime = "python3.13" }

topic PriceChanges {
  fifo          = true
  content_dedup = true
  subscribers { email = ["pricing@example.com"] }
}

function Reprice {
  handler  = "reprice.handler"
  external = true
  publishes to PriceChanges
}
