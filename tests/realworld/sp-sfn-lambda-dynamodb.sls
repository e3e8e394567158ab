// serverless-patterns sfn-lambda-dynamodb: a state machine (ASL file,
// logging at level ERROR) whose one Task invokes a Node.js function that
// writes a DynamoDB table. Complete, with these differences: the function
// and the state machine get least-privilege roles (invoke exactly the
// function, its versions and aliases; the function writes exactly the
// table) rather than CloudWatchLogsFullAccess, DynamoDBCrudPolicy and
// LambdaInvokePolicy; the log group has a retention and the app's KMS key
// and a generated name rather than `stepfunctions/StateMachine`; execution
// data is logged (`IncludeExecutionData: true`); X-Ray traces both.
// The definition's `${LambdaFunctionArn}` is `${LambdaFunction}`, the
// declared function (see asl/sp-sfn-lambda-dynamodb/).

app sfn_lambda_dynamodb {
  runtime = "nodejs24.x"
  outputs {
    StateMachine = { value = StateMachine.arn, description = "Statemachine Arn" }
    LambdaFuncton = { value = LambdaFunction.arn, description = "Lambda Function ARN" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

table DynamoDBTable {
  key = { transaction_id: string }
}

function LambdaFunction {
  name    = "MyLamdaFunction"
  handler = "app.handler"
  code    = "src"
  memory  = 3008MB
  timeout = 30s
  env {
    TableName = DynamoDBTable.name
  }
  writes DynamoDBTable
  reads DynamoDBTable
}

state_machine StateMachine {
  definition = "asl/sp-sfn-lambda-dynamodb/stepFunction.asl.json"
  log_level  = error
  external   = true   // started by hand, as in the original
}
