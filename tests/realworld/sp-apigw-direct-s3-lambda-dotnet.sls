// serverless-patterns apigw-direct-s3-lambda-dotnet: a REST API (Lambda
// TOKEN authorizer, throttled 50/25) reads and writes objects of a bucket
// directly (S3 service integration in an inline OpenAPI body, binary media
// types); objects created in the bucket invoke a .NET function whose
// failures go to an SQS queue. Partial: routes that call S3 directly have
// no equivalent in slsc (its routes call functions), so the API and its
// authorizer function are left out; the bucket is written by something
// outside the spec. Other differences: dotnet8 is deprecated, so the spec
// uses dotnet10; the function reads only this
// bucket (the original attaches AmazonS3ReadOnlyAccess and
// AmazonS3ObjectLambdaExecutionRolePolicy, every bucket of the account);
// its log group is slsc's `<F>LogGroup` with the original's 7 days.

app s3_file_processor {
  runtime       = "dotnet10"
  memory        = 1024MB
  timeout       = 10s
  log_retention = 7d
  outputs {
    Bucket                  = Bucket.name
    S3FileProcessorFunction = S3FileProcessor.name
    OnFailureSqsQueue       = OnFailureSqsQueue.url
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_18 = "as in the original, the bucket keeps no server access logs (they need a second bucket the application does not have)"
  }
}

bucket Bucket { name = "file-upload-bucket-${AWS::AccountId}" }

queue OnFailureSqsQueue { retention = 14d }

function S3FileProcessor {
  handler = "LambdaFileProcessor::LambdaFileProcessor.S3Function::FunctionHandler"
  code    = "src"
  env {
    POWERTOOLS_SERVICE_NAME     = "lambda-file-processor-logging"
    POWERTOOLS_LOG_LEVEL        = "Debug"
    POWERTOOLS_LOGGER_LOG_EVENT = true
    POWERTOOLS_LOGGER_CASE      = "PascalCase"
  }
  reads Bucket
  on Bucket { events = created }
  on_failure = OnFailureSqsQueue
}
