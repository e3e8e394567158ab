// aws-cloudformation-templates SQSStandardQueue: one standard queue whose
// settings are template parameters, with an optional dead-letter queue.
// Partial: slsc takes durations as literals, not parameters (so
// VisibilityTimeout 5 s and MessageRetentionPeriod 4 d are fixed at the
// original's defaults), has no DelaySeconds, MaximumMessageSize or
// ReceiveMessageWaitTimeSeconds (SQS's defaults apply: 0 s, 256 KiB, 0 s;
// the original's delay default is 5 s), and has no Conditions: the
// dead-letter queue (UsedeadletterQueue) is always created, after 5
// receives. The queue is encrypted with the app's KMS key.

app sqs_standard {
  outputs {
    QueueURL           = { value = SQSQueue.url, description = "URL of newly created SQS Queue" }
    QueueName          = { value = SQSQueue.name, description = "Name newly created SQS Queue" }
    DeadLetterQueueURL = { value = MyDeadLetterQueue.url, description = "URL of the dead letter queue" }
    DeadLetterQueueARN = { value = MyDeadLetterQueue.arn, description = "ARN of the dead letter queue" }
  }
}

queue MyDeadLetterQueue { retention = 14d }

// `external` (outside producers and consumers) also gives the output SQSQueueArn.
queue SQSQueue {
  visibility_timeout = 5s
  retention          = 4d
  dead_letter        = MyDeadLetterQueue after 5 receives
  external           = true
}
