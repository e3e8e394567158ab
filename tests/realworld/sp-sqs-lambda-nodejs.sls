// serverless-patterns sqs-lambda-nodejs-sam: an SQS queue (30 min retention,
// DLQ after 3 receives) drained by a Node.js function with partial batch
// failures. Differences: slsc encrypts the queues with the app's KMS key,
// gives the function its own least-privilege role and log group, and names
// the queues itself (`ProcessingQueue-<stack uuid>`, and a generated name
// for the DLQ); the original's `${AWS::StackName}-queue` is accepted, but
// may exceed SQS's 80 characters with a long stack name (W0216). The
// original's function DeadLetterQueue only covers asynchronous invocations,
// which this function never gets (the queue trigger is synchronous): it has
// no equivalent here.

app sqs_lambda {
  runtime      = "nodejs24.x"
  architecture = arm64
  memory       = 128MB
  timeout      = 3s
  outputs {
    ProcessorFunctionName = { value = ProcessorFunction.name, description = "Lambda Function Name" }
    ProcessorFunctionARN  = { value = ProcessorFunction.arn, description = "Lambda Function ARN" }
    ProcessingQueueARN    = { value = ProcessingQueue.arn, description = "Processing SQS Queue ARN" }
    ProcessingQueueURL    = { value = ProcessingQueue.url, description = "SQS Queue URL" }
    ProcessingDLQARN      = { value = ProcessingDLQ.arn, description = "Dead Letter Queue ARN" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

queue ProcessingDLQ { retention = 14d }

queue ProcessingQueue {
  retention          = 30m
  visibility_timeout = 30s
  dead_letter        = ProcessingDLQ after 3 receives
  external           = true
}

function ProcessorFunction {
  handler = "app.handler"
  code    = "src"
  on ProcessingQueue { batch = 10, partial_failures = true }
}
