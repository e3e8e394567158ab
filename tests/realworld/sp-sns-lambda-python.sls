// serverless-patterns sns-lambda-python-sam: an SNS topic that invokes a
// Python function. Differences: slsc encrypts the topic with the app's KMS
// key, writes an explicit subscription and Lambda permission (SAM's SNS
// event does the same), and the spec adds what the original lacks: a
// dead-letter queue for messages SNS cannot deliver and an on_failure queue
// for invocations that keep failing (the original drops both).

// slsc: allow W0255 -- the original template notifies nobody either; its alarms show on the dashboard
app sns_lambda {
  runtime      = "python3.14"
  architecture = arm64
  outputs {
    ProcessorFunctionName = { value = ProcessorFunction.name, description = "Lambda Function Name" }
    ProcessorFunctionARN  = { value = ProcessorFunction.arn, description = "Lambda Function ARN" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

// `external` gives the output ProcessingTopicArn, as in the original.
topic ProcessingTopic { external = true }

queue ProcessingFailures { retention = 14d }

function ProcessorFunction {
  handler    = "app.lambda_handler"
  code       = "src"
  on ProcessingTopic { dead_letter = ProcessingFailures }
  on_failure = ProcessingFailures
}
