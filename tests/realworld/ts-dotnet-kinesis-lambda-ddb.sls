// serverless-test-samples dotnet kinesis-lambda-dynamodb: a provisioned
// Kinesis stream (2 shards, 48 h) read by a .NET function (batch 10, trim
// horizon, parallelization 2, partial batch failures, records at most 30 min
// old, 3 retries, failed batches' metadata to an SQS queue) that writes to a
// DynamoDB table, reading through an enhanced fan-out consumer
// (`consumer = "..."`: AWS::Kinesis::StreamConsumer, dedicated throughput;
// its logical ID is ProcessEmployeeFunctionEmployeeRecordsStreamConsumer
// rather than EmployeeRecordsStreamConsumer). The original's output of
// the SAM-generated role's ARN (`ProcessEmployeeFunctionRole`) has no
// equivalent (slsc's role is `ProcessEmployeeFunctionRole` too, but is not
// an output). Other differences: the table keeps its provisioned 5/5
// capacity but its stream (NEW_AND_OLD_IMAGES, read by nothing in the
// original) is left out; the stream, table and queue are encrypted with the
// app's KMS key; the role gets exactly the stream's and consumer's read actions; dotnet8
// is deprecated (W0205), so the spec uses dotnet10.

app kinesis_dotnet {
  runtime      = "dotnet10"
  timeout      = 30s
  memory       = 1024MB
  architecture = arm64
  tracing      = active
  outputs {
    EmployeeRecordsStream    = { value = EmployeeRecordsStream.name, description = "Kinesis Stream that accepts Employee Records for Processing" }
    ProcessEmployeeFunction  = { value = ProcessEmployeeFunction.arn, description = "Process Employee Function ARN" }
    EmployeeStreamTableName  = { value = EmployeeStreamTable.name, description = "Employee Stream Table Name" }
    EmployeeRecordsStreamDLQ = { value = EmployeeRecordsStreamDLQ.url, description = "Employee Record Stream DLQ" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

stream EmployeeRecordsStream {
  name      = "EmployeeRecordsStream"
  shards    = 2
  retention = 48h
}

queue EmployeeRecordsStreamDLQ { retention = 14d }

table EmployeeStreamTable {
  key     = { employee_id: string }
  billing = provisioned { read = 5, write = 5 }
}

function ProcessEmployeeFunction {
  handler = "KinesisEventHandler::KinesisEventHandler.Functions.ProcessEmployeeFunction::Handler"
  code    = "src"
  env {
    POWERTOOLS_LOG_LEVEL          = "Information"
    POWERTOOLS_LOGGER_LOG_EVENT   = true
    POWERTOOLS_LOGGER_CASE        = "PascalCase"
    POWERTOOLS_LOGGER_SAMPLE_RATE = 0
    POWERTOOLS_METRICS_NAMESPACE  = "KinesisEventHandler"
    POWERTOOLS_SERVICE_NAME       = "process-employee-stream-function"
    EMPLOYEE_TABLE_NAME           = EmployeeStreamTable.name
  }
  writes EmployeeStreamTable
  on EmployeeRecordsStream {
    batch            = 10
    start            = trim_horizon
    parallelization  = 2
    partial_failures = true
    max_age          = 30m
    retries          = 3
    on_failure       = EmployeeRecordsStreamDLQ
    consumer         = "EmployeeRecordsStreamConsumer"
  }
}
