// serverless-test-samples typescript kinesis-lambda-dynamodb: a provisioned
// Kinesis stream (2 shards, 48 h) read by a function (batch 20, latest)
// that writes to a DynamoDB table. The test resources (a results table, a
// listener function on the table's stream, and the stream itself) exist
// only when the parameter DeployTestResources is "True": a deploy-time
// `condition`, `when` on the test declarations and `stream = ... if` on
// the table, as the original's Conditions and Fn::If. Other differences:
// nodejs16.x can no longer be used to create functions, so the spec uses
// nodejs22.x; the table says `on_delete = delete` (the original's
// UpdateReplacePolicy: Delete, and no DeletionPolicy, whose default for a
// table is Delete: slsc writes both), while the stream is retained
// (slsc's default; the original deletes it with the stack); the table is
// encrypted with the app's KMS key
// rather than the AWS managed key; failed batches' metadata goes to a
// queue and the trigger reports partial batch failures (the original
// retries a failing batch until its records expire, blocking the shard).

app kinesis_ts {
  runtime = "nodejs22.x"
  timeout = 10s
  memory  = 512MB
  tracing = active
  outputs {
    RecordsStreamArn           = { value = RecordsStream.arn, description = "Kinesis stream accepts records for processing" }
    RecordProcessorFunctionArn = { value = RecordProcessorFunction.arn, description = "Kinesis records processor Lambda Function ARN" }
    ProcessedRecordsTableName  = { value = ProcessedRecordsTable.name, description = "Processed Records DynamoDB table name" }
    // Only where the test resources are: the output is under their condition.
    RecordProcessingTestResultsTableName = { value = RecordProcessingTestResultsTable.name, description = "Test results table allows monitoring of processed test records" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

stream RecordsStream {
  name      = "RecordsStream"
  shards    = 2
  retention = 48h
}

param DeployTestResources string {
  description = "The parameter instructs the template whether or not to deploy test resources to your environment."
  allowed     = ["True", "False"]
  default     = "True"
}

condition CreateTestResources = DeployTestResources == "True"

table ProcessedRecordsTable {
  key       = { PK: string, SK: string }
  stream    = new_and_old_images if CreateTestResources
  on_delete = delete { reason = "sample data, as in the original: deleted with the stack and when replaced" }
}

queue RecordFailures { retention = 14d }

function RecordProcessorFunction {
  handler      = "app.lambdaHandler"
  code         = "src"
  architecture = x86_64
  env { PROCESSED_RECORDS_TABLE_NAME = ProcessedRecordsTable.name }
  writes ProcessedRecordsTable
  on RecordsStream {
    batch            = 20
    start            = latest
    partial_failures = true
    on_failure       = RecordFailures
  }
}

table RecordProcessingTestResultsTable {
  when = CreateTestResources
  key  = { PK: string, SK: string }
}

queue ListenerFailures {
  when      = CreateTestResources
  retention = 14d
}

// Records what the processor wrote, for the integration tests.
function ProcessedRecordsTableListener {
  when    = CreateTestResources
  handler = "appTest.lambdaHandler"
  code    = "src"
  env { TEST_RESULTS_TABLE_NAME = RecordProcessingTestResultsTable.name }
  writes RecordProcessingTestResultsTable
  on ProcessedRecordsTable.stream {
    batch            = 20
    start            = trim_horizon
    partial_failures = true
    on_failure       = ListenerFailures
  }
}
