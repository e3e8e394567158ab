// serverless-patterns qldb-kinesis-lambda-dynamodb: a QLDB ledger streams
// its journal into a Kinesis stream (1 shard, 7 days), read by a function
// (batch 50, trim horizon, bisect, 1 retry, failed batches' metadata to an
// SQS queue) that writes the people into a DynamoDB table `qldb-person`.
// Partial: the QLDB stream (AWS::QLDB::Stream, its IAM role, and the
// ledger's name imported from another stack with Fn::ImportValue) has no
// equivalent in slsc; the Kinesis stream is declared, and something outside
// the spec must write to it. A `resource` could write the QLDB stream and
// its role, but QLDB was shut down on 2025-07-31: CloudFormation no longer
// creates AWS::QLDB::Stream (cfn-lint E3710). Other differences: the event source mapping is
// slsc's `on` trigger (a raw AWS::Lambda::EventSourceMapping in the
// original); the role has exactly the stream's read actions and the
// table's read and write actions (the original also grants
// kinesis:PutRecord and AWSLambdaBasicExecutionRole); the stream, table and
// queue are encrypted; the trigger reports partial batch failures.

app qldb_streams {
  runtime = "nodejs24.x"
  tracing = active
  timeout = 6s
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

stream QLDBDynamoDBKinesis {
  name      = "LicenceStreamKinesis"
  shards    = 1
  retention = 168h
}

table PersonTable {
  key       = { pk: string }
  name      = "qldb-person"
  on_delete = delete { reason = "a projection of the ledger, rebuilt from its journal" }
}

queue StreamsFailureQueue { retention = 14d }

function QldbStreamsDynamoDBLambdaFunction {
  handler = "qldb-streams-dynamodb.handler"
  code    = "src"
  memory  = 1024MB
  env {
    TABLE_NAME                          = PersonTable.name
    AWS_NODEJS_CONNECTION_REUSE_ENABLED = 1
  }
  reads PersonTable
  writes PersonTable
  on QLDBDynamoDBKinesis {
    batch            = 50
    start            = trim_horizon
    bisect           = true
    retries          = 1
    partial_failures = true
    on_failure       = StreamsFailureQueue
  }
}
