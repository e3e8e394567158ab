// serverless-patterns apigw-direct-s3-lambda-dotnet: a REST API (Lambda
// TOKEN authorizer, throttled 50/25) reads and writes objects of a bucket
// directly (S3 service integrations, binary media types `image/jpeg` and
// `application/octet-stream`); objects created in the bucket invoke a .NET
// function whose failures go to an SQS queue. `GET /s3?key=K` and
// `PUT /s3?key=K` are `-> Bucket.get { key = query.key }` and
// `-> Bucket.put { ... }`, with the API's role allowed exactly GetObject
// and PutObject on the bucket's objects (the original names a hard-coded
// role of another account, and its URI `s3:path/{key}` lets the caller
// name any bucket in the key). Differences: `key` is a required, validated
// query parameter (optional in the original); a missing object answers
// 404 (S3's 403 and 404) and other failures 400 or 500 (the original: 404
// or 500); a got object keeps its Content-Type; the stage's method settings
// keep the throttle but not INFO execution logging and detailed metrics,
// which slsc does not set (execution logs need the account's CloudWatch
// role too). Other differences: dotnet8 is deprecated, so the spec
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
    API                     = RestApi.url
    S3LambdaAuthorizerFunction = { value = S3LambdaAuthorizer.name, description = "Lambda authorizer Function used to protect API" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_18 = "as in the original, the bucket keeps no server access logs (they need a second bucket the application does not have)"
    CKV_AWS_120 = "objects are read live, as in the original: nothing to cache"
    CKV_AWS_76 = "REST access logs need the account-wide API Gateway CloudWatch role, which this pattern does not set"
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

// Lambda Authorizer used to authorize incoming requests to API Gateway.
function S3LambdaAuthorizer {
  handler     = "LambdaAuthorizer::LambdaAuthorizer.AuthorizerFunction::FunctionHandler"
  code        = "src"
  description = "Lambda Authorizer"
  env {
    POWERTOOLS_SERVICE_NAME     = "lambda-authorizer-logging"
    POWERTOOLS_LOG_LEVEL        = "Debug"
    POWERTOOLS_LOGGER_LOG_EVENT = true
    POWERTOOLS_LOGGER_CASE      = "PascalCase"
  }
}

api RestApi rest {
  auth               = lambda { function = S3LambdaAuthorizer, token = "Authorization" }
  throttle           { rate = 50, burst = 25 }
  binary_media_types = ["application/octet-stream", "image/jpeg"]
  GET /s3 -> Bucket.get {
    query { key: string }
    key = query.key
  }
  PUT /s3 -> Bucket.put {
    query { key: string }
    key = query.key
  }
}
