// serverless-patterns dynamodb-streams-lambda-eventbridge-sam-node: a
// table's stream (new and old images) feeds a function (batch 100,
// parallelization 10, 2 retries, bisect, records at most 120 s old, only
// INSERT records: `where eventName = "INSERT"`) that puts events on a
// custom bus named `${AWS::StackName}-bus`. Complete (the esbuild
// `Metadata` is `sam build` configuration). What slsc adds: the
// function may put only `TableChanged` events; the table is encrypted with
// the app's KMS key and has point-in-time recovery; failed batches'
// metadata goes to a queue (the original drops them); the trigger reports
// partial batch failures (W0326), so the handler returns
// `batchItemFailures`. W0410 remains: no rule in this stack matches
// `TableChanged` (the original has none either; the bus is `external`
// because other stacks add the rules).

app ddb_streams {
  runtime       = "nodejs24.x"
  architecture  = arm64
  log_retention = 1d
  outputs {
    MyTableStream = { value = MyTable.stream_arn, export = "${AWS::StackName}-MyTableStream" }
    MyFunctionArn = { value = MyFunction.arn, export = "${AWS::StackName}-MyFunctionArn" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

event TableChanged from "ddb-streams.table" {
  id: string
}

table MyTable {
  key    = { id: string }
  stream = new_and_old_images
}

bus MyBus {
  name     = "${AWS::StackName}-bus"
  external = true
}

queue StreamFailures { retention = 14d }

function MyFunction {
  handler     = "handler.handler"
  code        = "src"
  description = "Stack function StreamFunction"
  timeout     = 60s
  memory      = 1024MB
  env { BUS_NAME = MyBus.name }
  emits TableChanged to MyBus
  on MyTable.stream where eventName = "INSERT" {
    batch            = 100
    parallelization  = 10
    start            = latest
    retries          = 2
    bisect           = true
    partial_failures = true
    max_age          = 120s
    on_failure       = StreamFailures
  }
}
