// serverless-patterns apigw-rest-api-eventbridge-sqs-sam: a REST API puts
// events on a custom bus through a direct EventBridge integration
// (PutEvents with a mapping template and its own IAM role); a rule sends
// `POSTED` events (source demo.event) to an SQS queue drained by a function
// in batches of 10. The route maps the original's template: source and
// detail-type from the body's `Source` and `DetailType`, the detail
// `{data: {IsHelloWorldExample}, metadata: {requestId, requestTimeEpoch}}`
// from the body and the request. `app { account_logging_role = true }` sets
// the account-wide API Gateway CloudWatch role (AWS::ApiGateway::Account),
// as the original does, so the API writes access logs. Differences: the
// body is validated against `PostRequest`; `requestTimeEpoch` is a number
// (the original quotes it); the CloudWatch role is kept when the stack is
// deleted and only this account's API Gateway may assume it; the API's
// role may put events on this bus only (any source, as in the original);
// the rule does not test `account` (a custom bus only receives the
// account's own events unless its policy admits others); the unused second
// queue (Queue1) is left out; the queue gets a dead-letter queue (and the
// rule one too), and a visibility timeout of 3 minutes, six times the
// function's 29 s (W0302; the original's 30 s default is barely above it);
// the trigger reports partial batch failures; the queue policy admits this
// rule only (the original's admits every EventBridge rule of any account);
// the bus is named `${AWS::StackName}-MyBus`, not `-bus`.

app eventbridge_sqs {
  runtime       = "nodejs24.x"
  architecture  = arm64
  timeout       = 29s
  memory        = 1024MB
  tracing       = active
  log_retention = 7d
  outputs {
    LambdaFuncton = LambdaFuncton.name
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_120 = "responses are computed per request, as in the original: nothing to cache"
    CKV_AWS_59 = "a public demo endpoint, as in the original"
  }
  account_logging_role = true
}

// What callers post: the event's source, detail-type and detail.
type PostRequest {
  Source:     string
  DetailType: string
  Detail:     { IsHelloWorldExample: string }
}

event Posted from "demo.event" detail_type "POSTED" {
  data:     { IsHelloWorldExample: string }
  metadata: { requestId: string, requestTimeEpoch: int }
}

bus MyBus

queue QueueDlq { retention = 14d }

queue Queue of Posted {
  visibility_timeout = 3m
  dead_letter        = QueueDlq after 5 receives
}

function LambdaFuncton {
  handler = "handler.handler"
  code    = "src"
  env { AWS_NODEJS_CONNECTION_REUSE_ENABLED = 1 }
  on Queue { batch = 10, partial_failures = true }
}

rule QueueRule on MyBus {
  match Posted
  send to Queue
  dead_letter = QueueDlq
}

api Api rest {
  stage_name = "Prod"
  auth = none
  POST / -> send to MyBus {
    body        = PostRequest
    source      = body.Source
    detail_type = body.DetailType
    detail = {
      data     = { IsHelloWorldExample = body.Detail.IsHelloWorldExample }
      metadata = { requestId = request.id, requestTimeEpoch = request.time_epoch }
    }
    acknowledge = "a public demo endpoint, as in the original: anyone may put a POSTED event"
  }
}
