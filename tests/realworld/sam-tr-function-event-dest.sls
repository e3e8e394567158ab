// SAM translator test function_with_event_dest: two functions invoked
// asynchronously (1 retry, events at most 70 s old) with destinations of
// every kind, the first function's chosen at deploy time as in the
// original (`condition`s, `on_success = A if C else B`):
// - on success, the existing queue of the SQSArn parameter when
//   UseExistingQueue is true, else a queue the stack creates (SAM's
//   `MyTestFunction.DestinationQueue`, here `DestinationQueue` under the
//   negated condition);
// - on failure, a topic the stack creates with an email subscription when
//   CreateSNSTopic is true (SAM's `MyTestFunction.DestinationTopic`), else
//   an existing topic by ARN;
// - the second function: on success a function, on failure an existing
//   bus by ARN.
// The role grants each destination only where it is chosen. Other
// differences: the ARNs are parameters whose defaults have the right form
// (the original's "my-sqs-arn", "SOME-SNS-ARN" and "event-bus-arn" are
// not ARNs, E0201); the created queue and topic are encrypted and the
// queue keeps messages 14 days; the code is a folder rather than
// InlineCode; nodejs12.x can no longer be used to create functions, so the
// spec uses nodejs22.x; the functions are `external` (something outside
// invokes them), and the destination function gets an on_failure queue.

// slsc: allow W0255 -- the original template notifies nobody either; its alarms show on the dashboard
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
param UseExistingQueue string {
  allowed = ["true", "false"]
  default = "true"
}
param CreateSNSTopic string {
  allowed = ["true", "false"]
  default = "true"
}
param SNSArn string { default = "arn:aws:sns:us-east-1:123456789012:some-sns-topic" }
param EventBusArn string { default = "arn:aws:events:us-east-1:123456789012:event-bus/some-bus" }

condition QueueCreationDisabled = UseExistingQueue == "true"
condition QueueCreationEnabled = not QueueCreationDisabled
condition TopicCreationEnabled = CreateSNSTopic == "true"
condition TopicCreationDisabled = not TopicCreationEnabled

queue ExistingQueue { arn = SQSArn }
queue DestinationQueue {
  when      = QueueCreationEnabled
  retention = 14d
}
queue DestinationFailures { retention = 14d }

topic DestinationTopic {
  when = TopicCreationEnabled
  subscribers { email = ["example@example.com"] }
}
topic ExistingTopic { arn = SNSArn }

bus FailureBus { arn = EventBusArn }

function MyTestFunction {
  handler       = "index.handler"
  code          = "src"
  external      = true
  retries       = 1
  max_event_age = 70s
  on_success    = ExistingQueue if QueueCreationDisabled else DestinationQueue
  on_failure    = DestinationTopic if TopicCreationEnabled else ExistingTopic
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
