// serverless-samples apigw-ai-agents bedrock-agents eda: a rule on the
// default bus catches successful CreateDeployment and UpdateStage calls to
// API Gateway (CloudTrail events: errorCode absent) and invokes a function
// that asks a Bedrock agent to inspect the API and emails the result with
// SES. The agent's id and alias are another stack's exports, imported
// (`import = "${APIInspectorAgentStackName}-..."`: Fn::ImportValue, inside
// `Fn::Sub`'s variable map where a string names them). Complete.
// Differences: the
// function's role is slsc's own (the original's is an external IAM::Role
// with a separate IAM::Policy); `apigateway:GET` is acknowledged for every
// API, as in the original; the rule gets a dead-letter queue and the
// function an on_failure queue (the original sets 0 retries and drops
// failures: `retries = 0` is kept).

app api_inspector {
  runtime = "python3.13"
  memory  = 128MB
  timeout = 900s
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

param AwsRegionForModelAccess string { default = "us-east-1" }
param SesEmailForNotifications string { default = "" }
param APIInspectorAgentStackName string {
  description = "Name of the stack that exports the API Inspector Agent ID and Alias ID"
  default     = "api-inspector-agent"
}
param ApiInspectorAgentId string { import = "${APIInspectorAgentStackName}-ApiInspectorAgentId" }
param ApiInspectorAgentAliasId string { import = "${APIInspectorAgentStackName}-ApiInspectorAgentAliasId" }

queue Failures { retention = 14d }

function APIInspectorProxyFunction {
  handler = "api_gateway_inspector_proxy.lambda_handler"
  code    = "src"
  env {
    REGION_FOR_BEDROCK  = AwsRegionForModelAccess
    BEDROCK_AGENT_ID    = ApiInspectorAgentId
    BEDROCK_AGENT_ALIAS = ApiInspectorAgentAliasId
    SES_EMAIL           = SesEmailForNotifications
  }
  allow "bedrock:InvokeAgent" on "arn:aws:bedrock:${AwsRegionForModelAccess}:${AWS::AccountId}:agent-alias/${ApiInspectorAgentId}/${ApiInspectorAgentAliasId}"
  allow "ses:SendEmail" on "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/${SesEmailForNotifications}"
  allow "apigateway:GET" on "arn:aws:apigateway:${AWS::Region}::/*/*" {
    acknowledge = "the inspector reads whichever API was just deployed"
  }
  retries    = 0
  on_failure = Failures
}

rule APIModified on default {
  match any where detail.eventSource = "apigateway.amazonaws.com"
    and detail.eventName in ["CreateDeployment", "UpdateStage"]
    and detail.errorCode not exists
  send to APIInspectorProxyFunction
  dead_letter = Failures
}
