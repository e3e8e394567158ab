// serverless-patterns apigw-iam: a REST API whose only route, GET /, needs
// requests signed with AWS Signature Version 4 (AWS_IAM) and calls a
// Node.js function. Partial: the original also creates two IAM users, one
// allowed to invoke the API and one that is not, to demonstrate the
// authorizer; slsc declares no IAM users (callers' identities are managed
// outside the application). The stage is `prod` (slsc's only stage) rather
// than `Prod`; the API gets X-Ray tracing.

app apigw_iam {
  runtime = "nodejs24.x"
  acknowledge {
    CKV_AWS_76 = "REST access logs need the account-wide API Gateway CloudWatch role, which this demo does not set"
  }
  outputs {
    AppApiEndpoint = { value = AppApi.url, description = "API Endpoint" }
  }
}

function AppFunction {
  handler = "app.handler"
  code    = "src"
}

api AppApi rest {
  description = "IAM authorizer REST API demo"
  auth        = iam
  GET / -> AppFunction
}
