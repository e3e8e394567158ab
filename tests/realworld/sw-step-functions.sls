// sam-cli-app-templates step-functions: a Standard state machine, started
// every day, runs two Express workflows in parallel (`.sync:2`), each
// writing one item to a table, then publishes to a topic. Complete, with
// these differences: the schedule is an EventBridge Scheduler schedule with
// its own role (SAM's `Schedule` event is an EventBridge rule); every state
// machine has its own role with exactly what its tasks call (the parent's
// role the original writes by hand; the children's DynamoDBWritePolicy also
// allows UpdateItem and BatchWriteItem), logs to a log group of its own and
// is traced; the table is on-demand rather than provisioned at 1/1; the
// topic is encrypted with the app's key. The definitions' substitutions
// name the declarations (`${AnalyticsTable}`), and the tasks' resource is
// the integration ARN itself rather than `${DDBPutItem}` (see
// asl/sw-step-functions/).

// slsc: allow W0255 -- the original template notifies nobody either; its alarms show on the dashboard
app step_functions {
  outputs {
    AnalyticsStateMachineArn = { value = AnalyticsStateMachine.arn, description = "Analytics state machine ARN" }
  }
}

state_machine AnalyticsStateMachine {
  definition = "asl/sw-step-functions/analytics.asl.json"
}

schedule DailySchedule every 1d -> AnalyticsStateMachine {
  description = "Schedule to run the analytics state machine every day"
  dead_letter = drop { reason = "the next day's run gathers the metrics again" }
}

state_machine GatherStackOverflowMetrics {
  type       = express
  definition = "asl/sw-step-functions/stackoverflow.asl.json"
}

state_machine GatherTwitchMetrics {
  type       = express
  definition = "asl/sw-step-functions/twitch.asl.json"
}

table AnalyticsTable {
  key = { Id: string }
}

topic AnalyticsTopic {
  external = true   // subscribers are added outside the stack
}
