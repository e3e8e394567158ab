// serverless-patterns apigw-http-api-fifo-sqs-lambda-sns: an HTTP API sends
// requests straight to a FIFO queue (content-based deduplication,
// visibility 300 s, FIFO dead-letter queue after 5 receives) whose consumer
// function publishes to an SNS topic. Partial: the API's route is a direct
// SQS integration (SendMessage with a MessageGroupId mapping, in the
// included api.yaml, with its own IAM role); slsc routes only to functions,
// so the queue is `external` (its senders are outside the spec) and the API
// is not written. The physical names are the parameters' defaults, written
// literally. Other differences: the queues and topic are encrypted with the
// app's KMS key; the trigger reports partial batch failures.

app fifo_pipeline {
  runtime = "python3.14"
}

queue MyDeadLetterQueueForSQS {
  name               = "ServerlessLandSQSDlq.fifo"
  fifo               = true
  content_dedup      = true
  visibility_timeout = 300s
  retention          = 14d
}

queue MySQSQueue {
  name               = "ServerlessLandSQS.fifo"
  fifo               = true
  content_dedup      = true
  visibility_timeout = 300s
  dead_letter        = MyDeadLetterQueueForSQS after 5 receives
  external           = true
}

topic MySNSTopic {
  name     = "ServerlessLandSNSTopic"
  external = true
}

function MyLambdaFunction {
  name    = "ServerlessLand_Function"
  handler = "app.lambda_handler"
  code    = "src"
  env { TOPIC_ARN = MySNSTopic.arn }
  publishes to MySNSTopic
  on MySQSQueue { partial_failures = true }
}
