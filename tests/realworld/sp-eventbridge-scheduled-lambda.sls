// serverless-patterns eventbridge-scheduled-lambda: a function run every
// minute. Differences: slsc schedules with EventBridge Scheduler
// (AWS::Scheduler::Schedule and its role) rather than a scheduled
// EventBridge rule (SAM's Schedule event); the spec adds a dead-letter queue
// for the schedule and an on_failure queue for the function, and keeps a
// failed run from being retried past the next one (W0328).

app scheduled_lambda {
  runtime = "python3.14"
  memory  = 128MB
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

queue Failures { retention = 14d }

function ScheduledFunction {
  handler    = "app.lambda_handler"
  code       = "src"
  on_failure    = Failures
  max_event_age = 1m
}

schedule EveryMinute every 1m -> ScheduledFunction {
  retry { max_age = 1m }
  dead_letter = Failures
}
