// aws-cloudformation-templates SQSStandardQueue: one standard queue whose
// settings are template parameters, with an optional dead-letter queue
// (created only when UsedeadletterQueue is "true", through a deploy-time
// `condition`, as in the original; messages move to it after 5
// receives). The parameters are bounded by what SQS accepts (the original
// leaves them unbounded, so a wrong value fails the deploy; slsc would say
// W0216), and MaximumMessageSize may go up to SQS's current 1 MiB. The
// queue is encrypted with the app's KMS key.

app sqs_standard {
  outputs {
    QueueURL           = { value = SQSQueue.url, description = "URL of newly created SQS Queue" }
    QueueName          = { value = SQSQueue.name, description = "Name newly created SQS Queue" }
    DeadLetterQueueURL = { value = MyDeadLetterQueue.url, description = "URL of the dead letter queue" }
    DeadLetterQueueARN = { value = MyDeadLetterQueue.arn, description = "ARN of the dead letter queue" }
  }
}

param DelaySeconds number {
  description = "The time in seconds that the delivery of all messages in the queue is delayed. You can specify an integer value of 0 to 900 (15 minutes)."
  default     = 5
  min         = 0
  max         = 900
}

param MaximumMessageSize number {
  description = "The limit of how many bytes that a message can contain before Amazon SQS rejects it, 1024 bytes (1 KiB) to 1048576 bytes (1 MiB)"
  default     = 262144
  min         = 1024
  max         = 1048576
}

param MessageRetentionPeriod number {
  description = "The number of seconds that Amazon SQS retains a message. You can specify an integer value from 60 seconds (1 minute) to 1209600 seconds (14 days). "
  default     = 345600
  min         = 60
  max         = 1209600
}

param ReceiveMessageWaitTimeSeconds number {
  description = "Specifies the duration, in seconds, that the ReceiveMessage action call waits until a message is in the queue in order to include it in the response, as opposed to returning an empty response if a message is not yet available. 1 to 20"
  default     = 0
  min         = 0
  max         = 20
}

param VisibilityTimeout number {
  description = "This should be longer than the time it would take to process and delete a message, this should not exceed 12 hours."
  default     = 5
  min         = 0
  max         = 43200
}

param UsedeadletterQueue string {
  description = "A dead-letter queue is a queue that other (source) queues can target for messages that can't be processed (consumed) successfully. You can set aside and isolate these messages in the dead-letter queue to determine why their processing doesn't succeed."
  allowed     = ["true", "false"]
  default     = "false"
}

condition CreateDeadLetterQueue = UsedeadletterQueue == "true"

queue MyDeadLetterQueue {
  when      = CreateDeadLetterQueue
  retention = 14d
}

// `external` (outside producers and consumers) also gives the output SQSQueueArn.
queue SQSQueue {
  delay              = DelaySeconds
  max_message_size   = MaximumMessageSize
  retention          = MessageRetentionPeriod
  receive_wait       = ReceiveMessageWaitTimeSeconds
  visibility_timeout = VisibilityTimeout
  dead_letter        = MyDeadLetterQueue after 5 receives
  external           = true
}
