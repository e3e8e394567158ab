// serverless-samples owasp-api-security-controls-demo fulfillment: an SQS
// queue (dead-letter queue after 5 receives) drained by a function with
// partial batch failures that records orders in a DynamoDB table (global
// index on order_status, order_date); a private REST API (AWS_IAM, POST
// /updateOrderStatus, GET /listPendingOrders, stage from a parameter)
// calls a second function that reads and writes the table. The API is
// `endpoint = private`, and its resource policy admits only the given VPC
// endpoint (`allow_from`: the original's Allow on aws:SourceVpce, plus a
// Deny of every other source). Both queues' policies admit the account's
// principals over TLS (`policy`). The SQS interface VPC endpoint
// (EC2::VPCEndpoint in the given VPC, subnets and security group) is a
// `resource` declaration (unchecked), its VPC, subnets and security group
// `param`s (strings: slsc's params have no AWS-specific types).
// Differences: the queue consumer's permission to send to its own queue
// (SQSSendMessagePolicy on FulfillmentQ, which its code does not need to
// drain it, and which slsc would report as an event loop, E0320) is left
// out; SAM connectors become access verbs (`writes`, `reads`); the queues
// and table use the app's KMS key rather than AWS managed keys; access
// logs need the account's API Gateway CloudWatch role (the original
// assumes it too); the POWERTOOLS_LOGGER_SAMPLE_RATE 0.1 is quoted; the
// index is named order_status_index (an index name in slsc is a name, so
// it has no `-`; the original takes it from a parameter, default
// order_status-index); the queue policies' Resource is each queue's ARN
// (the original writes the text "FulfillmentQ.Arn"); `external` gives the
// output FulfillmentQArn.

app fulfillment {
  runtime      = "python3.12"
  timeout      = 5s
  tracing      = active
  architecture = arm64
  outputs {
    FulfillmentQUrl      = { value = FulfillmentQ.url, description = "Fulfillment queue url" }
    FulfillmentQName     = { value = FulfillmentQ.name, description = "Fulfillment queue name" }
    FulfillmentTableName = FulfillmentTable.name
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_120 = "responses are computed per request, as in the original: nothing to cache"
  }
}

param VpcId string { description = "Order service VPC" }
param Subnet1 string { description = "Fulfillment service subnet 1" }
param Subnet2 string { description = "Fulfillment service subnet 2" }
param VpceSecurityGroup string { description = "Fulfillment service security group" }
param FulfillmentApiVpcEndpoint string { description = "Fulfillment service API VPC endpoint" }
param ApiStage string { default = "Prod" }

resource FulfillmentQVpcEndpoint "AWS::EC2::VPCEndpoint" {
  properties = {
    VpcId = VpcId
    ServiceName = "com.amazonaws.${AWS::Region}.sqs"
    VpcEndpointType = "Interface"
    SubnetIds = [Subnet1, Subnet2]
    SecurityGroupIds = [VpceSecurityGroup]
    PrivateDnsEnabled = true
  }
}

queue FulfillmentDLQ {
  retention = 14d
  policy = [{
    Effect    = "Allow"
    Principal = { AWS = ["${AWS::AccountId}"] }
    Action    = ["sqs:SendMessage", "sqs:ReceiveMessage"]
    Condition = { Bool = { "aws:SecureTransport" = true } }
  }]
}

queue FulfillmentQ {
  dead_letter = FulfillmentDLQ after 5 receives
  external    = true
  policy = [{
    Effect    = "Allow"
    Principal = { AWS = ["${AWS::AccountId}"] }
    Action    = ["sqs:SendMessage", "sqs:ReceiveMessage"]
    Condition = { Bool = { "aws:SecureTransport" = true } }
  }]
}

table FulfillmentTable {
  key     = { order_id: string, order_date: string }
  indexes { order_status_index = { order_status: string, order_date: string } }
}

function FulfillmentQLambda {
  description = "reInforce 2024 - APS332 - Fulfillment service"
  handler     = "index.lambda_handler"
  code        = "src"
  env {
    POWERTOOLS_LOG_LEVEL          = "DEBUG"
    POWERTOOLS_LOGGER_SAMPLE_RATE = "0.1"
    POWERTOOLS_LOGGER_LOG_EVENT   = true
    POWERTOOLS_SERVICE_NAME       = "FulfillmentService"
    FULFILLMENT_TABLE             = FulfillmentTable.name
  }
  writes FulfillmentTable
  on FulfillmentQ { batch = 10, partial_failures = true }
}

function FulfillmentFunction {
  description = "reInforce 2024 - APS332 - Fulfillment service"
  handler     = "api.lambda_handler"
  code        = "src"
  env {
    POWERTOOLS_LOG_LEVEL          = "DEBUG"
    POWERTOOLS_LOGGER_SAMPLE_RATE = "0.1"
    POWERTOOLS_LOGGER_LOG_EVENT   = true
    POWERTOOLS_SERVICE_NAME       = "FulfillmentService"
    FULFILLMENT_TABLE_NAME        = FulfillmentTable.name
    ORDER_STATUS_INDEX            = "order_status_index"
  }
  reads FulfillmentTable
  writes FulfillmentTable
}

api FulfillmentApi rest {
  description = "Fulfillment API"
  stage_name  = ApiStage
  endpoint    = private
  allow_from { vpc_endpoints = [FulfillmentApiVpcEndpoint] }
  auth        = iam
  access_logs = true
  cors { origins = ["*"] }
  POST /updateOrderStatus -> FulfillmentFunction
  GET /listPendingOrders  -> FulfillmentFunction
}
