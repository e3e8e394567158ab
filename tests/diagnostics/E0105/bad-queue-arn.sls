// E0105: a queue given by its ARN is configured by its owner
app shop { runtime = "python3.13" }

queue Shared {
  arn                = "arn:aws:sqs:us-east-1:111122223333:shared-orders"
  visibility_timeout = 2m
}

function Place {
  handler = "place.handler"
  sends to Shared
  external = true
}
