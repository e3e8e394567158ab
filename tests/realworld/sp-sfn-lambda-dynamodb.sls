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
