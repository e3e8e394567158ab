// serverless-patterns stepfunctions-eventbridge-schedule-sam-python: a state
// machine creates one-time EventBridge Scheduler schedules at run time
// (`aws-sdk:scheduler:createSchedule`) in a schedule group; each schedule
// invokes a Python function with the role the group's schedules run with.
// Complete, with these differences: the schedule group's role is derived
// from its `targets` (invoke that function, as the original's ScheduleRole
// allows) and trusts Scheduler of this account only; the definition names
// the function and the role as `${ScheduleTargetFunction}` and
// `${ScheduleGroup.role}` rather than through substitutions named
// TargetArn and RoleArn; the state machine's role allows
// scheduler:CreateSchedule on the group's schedules (not DeleteSchedule,
// which no task calls) and iam:PassRole on the group's role to Scheduler
// only; the function's failed asynchronous invocations are dropped on
// purpose (`retries = 0`, as the original's MaximumRetryAttempts: 0); the
// state machine logs and is traced, and the function has its own role and
// log group.

app sfn_schedules {
  runtime = "python3.14"
  timeout = 3s
  memory  = 128MB
  outputs {
    ScheduleTargetFunction = { value = ScheduleTargetFunction.arn, description = "Schedule Target Function Arn" }
    ScheduleGroupArn = { value = ScheduleGroup.arn, description = "Schedule Group Arn" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures are dropped on purpose (`on_failure = drop`), as the original retries nothing and keeps nothing"
    CKV_AWS_117 = "the function calls only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

function ScheduleTargetFunction {
  handler    = "app.lambda_handler"
  code       = "src"
  retries    = 0
  on_failure = drop { reason = "a missed one-time schedule is not retried, as in the original" }
}

schedule_group ScheduleGroup {
  name    = "MySchedulesGroup"
  targets = [ScheduleTargetFunction]
}

state_machine CreateScheduleStateMachine {
  name       = "CreateScheduleStateMachine"
  definition = "asl/sp-sfn-eventbridge-schedule-python/create_schedules.asl.json"
  external   = true   // started by hand or by other apps
}
