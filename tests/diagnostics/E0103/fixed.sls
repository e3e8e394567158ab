// E0103 fixed: a function publishes to a topic.
app shop {
  runtime = "python3.13"
}

topic OrderEvents

function CreateOrder {
  handler = "orders.create"
  env { TOPIC_ARN = OrderEvents.arn }
  publishes to OrderEvents
}

api Storefront http {
  auth = iam
  POST /orders -> CreateOrder
}
