// serverless-patterns firehose-transformation-sam-python: a Kinesis Data
// Firehose delivery stream (direct put) delivers to an S3 bucket, each
// batch of records transformed by a Python function first; the delivery
// logs go to a log group and stream of their own. The delivery stream, its
// role (S3 writes, invoking the function, writing its logs) and its log
// group and stream are `resource` declarations (unchecked: `slsc
// permissions` lists them); the function is `external` because Firehose
// invokes it through that role, which slsc does not see. The bucket's
// optional name is a parameter used under a `condition` (`name = ... if`):
// without one, slsc names the bucket. Other differences: the bucket
// is versioned and kept on delete, the firehose role's trust policy names
// the account (aws:SourceAccount), and the function has its own role and
// log group, as every slsc function.

app firehose_transformation {
  runtime = "python3.14"
  tracing = active
  outputs {
    S3Bucket = { value = DestinationBucket.name, description = "Name of the destination S3 bucket" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_158 = "the delivery stream's log group is written raw (`resource`), unencrypted as in the original"
    CKV_AWS_18 = "as in the original, the bucket keeps no server access logs (they need a second bucket the application does not have)"
  }
}

function TransformationLambdaFunction {
  name        = "KDFTransformationFunction"
  description = "Lambda function invoked by Kinesis Data Firehose, transforms streaming data, returns data to Firehose"
  handler     = "app.handler"
  code        = "src"
  timeout     = 60s
  external    = true
}

param DestinationS3BucketName string {
  description = "Optional name of the S3 bucket where the streaming data should be delivered"
  max_length  = 63 // S3's limit: the original leaves it unbounded
  default     = ""
}

condition HasBucketName = DestinationS3BucketName != ""

bucket DestinationBucket {
  name = DestinationS3BucketName if HasBucketName
}

resource DeliveryStreamLogGroup "AWS::Logs::LogGroup" {
  properties = {
    LogGroupName = "/aws/kinesisfirehose/kdf-serverless-pattern"
    RetentionInDays = 90
  }
}

resource DeliveryStreamLogStream "AWS::Logs::LogStream" {
  properties = {
    LogGroupName = DeliveryStreamLogGroup.ref
    LogStreamName = "S3Delivery"
  }
}

resource DeliveryStreamRole "AWS::IAM::Role" {
  properties = {
    AssumeRolePolicyDocument = {
      Version = "2012-10-17"
      Statement = [{
        Effect = "Allow"
        Principal = { Service = "firehose.amazonaws.com" }
        Action = "sts:AssumeRole"
        Condition = { StringEquals = { "aws:SourceAccount" = "${AWS::AccountId}" } }
      }]
    }
    Policies = [
      {
        PolicyName = "firehose-to-s3-destination"
        PolicyDocument = {
          Version = "2012-10-17"
          Statement = [{
            Effect = "Allow"
            Action = ["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"]
            Resource = ["arn:${AWS::Partition}:s3:::${DestinationBucket}", "arn:${AWS::Partition}:s3:::${DestinationBucket}/*"]
          }]
        }
      },
      {
        PolicyName = "invoke-lambda-transformation-function"
        PolicyDocument = {
          Version = "2012-10-17"
          Statement = [{
            Effect = "Allow"
            Action = ["lambda:InvokeFunction", "lambda:GetFunctionConfiguration"]
            Resource = TransformationLambdaFunction.arn
          }]
        }
      },
      {
        PolicyName = "write-to-cloudwatch-logs"
        PolicyDocument = {
          Version = "2012-10-17"
          Statement = [{
            Effect = "Allow"
            Action = ["logs:PutLogEvents"]
            Resource = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${DeliveryStreamLogGroup}:log-stream:${DeliveryStreamLogStream}"
          }]
        }
      }
    ]
  }
}

resource DeliveryStream "AWS::KinesisFirehose::DeliveryStream" {
  properties = {
    DeliveryStreamType = "DirectPut"
    ExtendedS3DestinationConfiguration = {
      BucketARN = DestinationBucket.arn
      Prefix = ""
      BufferingHints = { SizeInMBs = 1, IntervalInSeconds = 60 }
      CloudWatchLoggingOptions = {
        Enabled = true
        LogGroupName = DeliveryStreamLogGroup.ref
        LogStreamName = DeliveryStreamLogStream.ref
      }
      EncryptionConfiguration = { NoEncryptionConfig = "NoEncryption" }
      RoleARN = DeliveryStreamRole.Arn
      ProcessingConfiguration = {
        Enabled = true
        Processors = [{
          Type = "Lambda"
          Parameters = [{ ParameterName = "LambdaArn", ParameterValue = TransformationLambdaFunction.arn }]
        }]
      }
    }
  }
}
