// SAM translator test function_with_event_dest: two functions invoked
// asynchronously (1 retry, events at most 70 s old) with destinations of
// every kind: on success an existing SQS queue given by the SQSArn
// parameter or a function, on failure an SNS topic (with an email
// subscription) or an EventBridge bus. Partial: in the original the
// destinations are chosen at deploy time (Conditions, `!If` with
// AWS::NoValue: the queue of SQSArn or none, a topic SAM creates and the
// template refers to as `MyTestFunction.DestinationTopic` or a fixed ARN);
// slsc has no conditions, so the spec always sends to the queue of SQSArn
// (`queue SuccessQueue { arn = SQSArn }`) and declares the topic and bus.
// Other differences: SQSArn's default is an ARN of the right form (the
// original's "my-sqs-arn" is not one, E0201); the code is a folder rather
// than InlineCode; nodejs12.x can no longer be used to create functions, so
// the spec uses nodejs22.x; the functions are `external` (something
// outside invokes them), the destination function gets an on_failure
// queue, and the roles are least-privilege (sqs:SendMessage on the
// parameter's ARN).

app event_destinations {
  runtime = "nodejs22.x"
  memory  = 1024MB
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

param SQSArn string { default = "arn:aws:sqs:us-east-1:123456789012:my-sqs-queue" }

queue SuccessQueue { arn = SQSArn }
queue DestinationFailures { retention = 14d }

topic FailureTopic {
  subscribers { email = ["example@example.com"] }
}

bus FailureBus { external = true }

function MyTestFunction {
  handler       = "index.handler"
  code          = "src"
  external      = true
  retries       = 1
  max_event_age = 70s
  on_success    = SuccessQueue
  on_failure    = FailureTopic
}

function MyTestFunction2 {
  handler       = "index.handler"
  code          = "src"
  external      = true
  retries       = 1
  max_event_age = 70s
  on_success    = DestinationLambda
  on_failure    = FailureBus
}

function DestinationLambda {
  handler    = "index.handler"
  code       = "src"
  on_failure = DestinationFailures
}
