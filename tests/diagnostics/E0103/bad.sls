// E0103: `sends to` names a topic; `sends to` is for queues, topics take `publishes to`
app shop {
  runtime = "python3.13"
}

topic OrderEvents

function CreateOrder {
  handler = "orders.create"
  env { TOPIC_ARN = OrderEvents.arn }
  sends to OrderEvents
}

api Storefront http {
  auth = iam
  POST /orders -> CreateOrder
}
