// serverless-patterns s3-event-sfn-lambda-ddb-sns: objects created in a
// bucket reach EventBridge, and a rule on the default bus starts a state
// machine that invokes a Python function with a task token
// (`.waitForTaskToken`), which writes DynamoDB and answers with the token;
// the workflow then publishes to a topic. Complete, with these
// differences: the definition is a file (asl/sp-s3-event-sfn-lambda-ddb-sns/)
// rather than inline, naming the function as `${LambdaFunction}` rather
// than by its literal name; its Pass state puts the topic's ARN as
// `${MySnsTopic}` (a substitution) where the original built it with
// Fn::Sub, and the Task reads it by JSONPath (`TopicArn.$`) as in the
// original, slsc following the path to the Pass state to bound the role;
// the state machine's role allows exactly that function and topic rather
// than lambda:InvokeFunction and sns:Publish on `*`, and the function's
// role writes the table and answers task tokens of this state machine
// only (`answers`) rather than AWSStepFunctionsFullAccess,
// AmazonS3FullAccess and CloudWatchLogsFullAccess; the rule has a
// dead-letter queue; the state machine logs and is traced; the topic is
// encrypted with the app's key.

use aws.s3

// slsc: allow W0255 -- the original template notifies nobody either; its alarms show on the dashboard
app s3_event_sfn {
  runtime = "python3.14"
  outputs {
    IngestionBucketName = { value = IngestionBucket.name, description = "S3 bucket name" }
    UpdateTableStateMachineArn = { value = UpdateTableStateMachine.arn, description = "Example state machine" }
    LambdaFuncton = { value = LambdaFunction.arn, description = "Lambda Function ARN" }
    TableName = { value = DynamoDBTable.name, description = "DynamoDb Table Name" }
    MySnsTopicName = { value = MySnsTopic.name, export = "MySNSTopicName", description = "SNS topic name" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_18 = "as in the original, the bucket keeps no server access logs (they need a second bucket the application does not have)"
  }
}

bucket IngestionBucket {
  eventbridge = true
}

state_machine UpdateTableStateMachine {
  name       = "update-table"
  definition = "asl/sp-s3-event-sfn-lambda-ddb-sns/update-table.asl.json"
}

rule StateChange on default {
  match ObjectCreated where bucket.name = IngestionBucket.name
  send to UpdateTableStateMachine
  dead_letter = StateChangeDlq
}

queue StateChangeDlq {}

table DynamoDBTable {
  key = { transaction_id: string }
}

function LambdaFunction {
  name    = "MyLambdaFunction"
  handler = "lambda-dynamoDb.lambda_handler"
  code    = "src"
  timeout = 30s
  env {
    TableName = DynamoDBTable.name
  }
  writes DynamoDBTable
  answers UpdateTableStateMachine
}

topic MySnsTopic {
  name     = "my-sns-topic"
  external = true   // people subscribe outside the stack
}
