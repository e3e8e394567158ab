// E0307: FIFO topic `PriceChanges` is a trigger of a function, but FIFO topics deliver only to SQS
app catalog {
  runtime = "python3.13"
}

topic PriceChanges {
  fifo = true
}

queue ReindexFailures {
  retention = 14d
}

function Reindex {
  handler    = "search.reindex"
  timeout    = 20s
  on_failure = ReindexFailures
  on PriceChanges
}

function UpdatePrice {
  handler = "prices.update"
  publishes to PriceChanges
}

api Admin http { auth = iam, PUT /prices/{sku} -> UpdatePrice }
