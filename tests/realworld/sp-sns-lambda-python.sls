// serverless-patterns sns-lambda-python-sam: an SNS topic that invokes a
// Python function. Differences: slsc encrypts the topic with the app's KMS
// key, writes an explicit subscription and Lambda permission (SAM's SNS
// event does the same), and the spec adds what the original lacks: a
// dead-letter queue for messages SNS cannot deliver and an on_failure queue
// for invocations that keep failing (the original drops both).

app sns_lambda {
  runtime      = "python3.14"
  architecture = arm64
  outputs {
    ProcessorFunctionName = { value = ProcessorFunction.name, description = "Lambda Function Name" }
    ProcessorFunctionARN  = { value = ProcessorFunction.arn, description = "Lambda Function ARN" }
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
