// E0307 fixed: a FIFO queue subscribes to the FIFO topic, and the function reads that queue.
app catalog {
  runtime = "python3.13"
}

topic PriceChanges {
  fifo = true
  subscribe ReindexQueue
}

queue ReindexQueue {
  fifo               = true
  visibility_timeout = 2m
}

function Reindex {
  handler = "search.reindex"
  timeout = 20s
  on ReindexQueue
}

function UpdatePrice {
  handler = "prices.update"
  publishes to PriceChanges
}

api Admin http { auth = iam, PUT /prices/{sku} -> UpdatePrice }
