// serverless-patterns eventbridge-pipes-sqs-to-stepfunctions: an EventBridge
// pipe reads an SQS queue (dead-letter queue after 5 receives), one message
// at a time, and starts an Express state machine for each without waiting
// (FIRE_AND_FORGET). Complete, with these differences: the pipe's role
// reads that queue and starts that state machine only, and decrypts the
// queue with the app's key (the original also allowed logs:* actions on
// `*`, which a pipe without log delivery does not use); the state
// machine's role has only log delivery (its one Pass state calls nothing),
// its log group is named by CloudFormation rather than
// `sqs-pipes-sf/StateMachine`, and it is traced; the queues are encrypted
// with the app's key, and the dead-letter queue keeps messages 14 days
// (longer than its source); the outputs are the queue's URL and the state
// machine's ARN (the original output the log group's name, which slsc does
// not expose as an attribute).

app sqs_pipes_sfn {
  outputs {
    SourceQueueUrl = { value = SourceQueue.url, description = "Source SQS Queue URL" }
    TargetStateMachineArn = { value = TargetStateMachine.arn, description = "Target state machine ARN" }
  }
}

queue SourceQueueDLQ { retention = 14d }

// Messages come from outside the app.
queue SourceQueue {
  dead_letter = SourceQueueDLQ after 5 receives
  external    = true
}

state_machine TargetStateMachine {
  definition    = "asl/sp-pipes-sqs-to-sfn/sqs-pipes-sfn.asl.json"
  type          = express
  log_retention = 7d
}

pipe SqsToSFN from SourceQueue -> TargetStateMachine {
  name       = "SqsToSfnPipe"
  batch      = 1
  invocation = fire_and_forget
}
