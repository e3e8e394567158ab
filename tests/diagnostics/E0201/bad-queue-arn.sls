// E0201: a queue's ARN of the wrong form
app shop { runtime = "python3.13" }

queue Shared { arn = "arn:aws:sns:us-east-1:111122223333:shared-orders" }

function Place {
  handler = "place.handler"
  sends to Shared
  external = true
}
