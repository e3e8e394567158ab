// serverless-patterns apigw-http-api-fifo-sqs-lambda-sns: an HTTP API sends
// requests straight to a FIFO queue (content-based deduplication,
// visibility 300 s, FIFO dead-letter queue after 5 receives) whose consumer
// function publishes to an SNS topic. The route is a direct SQS integration
// (SendMessage, the message group from the body's `messagegroup`, with the
// API's own role), as in the included api.yaml, on the stage the parameter
// StageName names. Complete. Differences: the physical names are the
// parameters' defaults, written literally (the original makes them
// parameters too); the queues and topic are encrypted with the app's KMS key
// (the API's role may use it); the trigger reports partial batch failures;
// the API writes access logs.

// slsc: allow W0255 -- the original template notifies nobody either; its alarms show on the dashboard
app fifo_pipeline {
  runtime = "python3.14"
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

param StageName string {
  description = "Name of API stage"
  default     = "prod"
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

api HttpApi http {
  auth       = none
  stage_name = StageName
  cors {
    origins = ["*"]
    methods = ["*"]
  }
  POST / -> send to MySQSQueue {
    group_id    = body.messagegroup
    acknowledge = "a public demo endpoint, as in the original: anyone may enqueue a message"
  }
}
