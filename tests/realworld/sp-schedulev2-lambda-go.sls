// serverless-patterns eventbridge-schedule-to-lambda-sam-go: EventBridge
// Scheduler invokes a Go function every 5 minutes with a fixed input, under
// the schedule name InvokeLambdaSchedule. Complete. go1.x can no longer be used to create functions: the spec uses
// provided.al2023 with the `bootstrap` handler (the Go binary must be built
// as `bootstrap`). The spec adds a dead-letter queue for the schedule, an
// on_failure queue for the function, and keeps a failed run from being
// retried past the next one (W0328).

app schedulev2 {
  runtime = "provided.al2023"
  timeout = 5s
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

queue Failures { retention = 14d }

function SchedulerLambdaFunction {
  handler       = "bootstrap"
  code          = "src"
  architecture  = x86_64
  on_failure    = Failures
  max_event_age = 5m
}

schedule InvokeLambdaSchedule every 5m -> SchedulerLambdaFunction {
  name        = "InvokeLambdaSchedule"
  input       = { input = "This message was sent using EventBridge Scheduler!" }
  retry { max_age = 5m }
  dead_letter = Failures
}
