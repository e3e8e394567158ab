// aws-cloudformation-templates S3_LambdaTrigger: a bucket, named by a
// parameter, invokes a function when objects are put
// (`s3:ObjectCreated:Put`). Complete. Differences: the code is a folder rather
// than inline ZipFile; python3.9 can no longer be used to create functions,
// so the spec uses python3.13; the role is least-privilege (the original's
// allows logs on every log group); the bucket is encrypted, versioned,
// private and TLS-only; the function gets an on_failure queue (S3 invokes
// asynchronously, and the original drops failed events).

app s3_trigger {
  runtime = "python3.13"
  timeout = 30s
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_18 = "as in the original, the bucket keeps no server access logs (they need a second bucket the application does not have)"
  }
}

param NotificationBucket string {
  description = "S3 bucket name that is the trigger to lambda"
  min_length  = 3
  max_length  = 63
  pattern     = "^[a-z0-9][a-z0-9.-]*[a-z0-9]$"
}

bucket NotificationBucketStore { name = "${NotificationBucket}" }

queue Failures { retention = 14d }

function S3TriggerLambdaFunction {
  handler    = "index.lambda_handler"
  code       = "src"
  on NotificationBucketStore { events = put }
  on_failure = Failures
}
