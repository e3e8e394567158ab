// serverless-patterns apigw-lambda-authorizer-custom-header: a REST API
// whose only route, `GET /`, forwards to https://httpbin.org/get, behind a
// Lambda authorizer reading the `AuthorizationToken` header. Partial: the
// original's integration is a non-proxy HTTP integration with an (empty)
// mapping template, meant to inject headers from the authorizer's context;
// here it is an HTTP proxy (`GET / -> "https://httpbin.org/get"`), which
// forwards the request as it is, without the authorizer's enrichment
// header. The authorizer is a TOKEN authorizer on that header, caching
// decisions 5 minutes as the original's default does. Other differences:
// the API is named
// `${AWS::StackName}-AppApi`, not `apigw-lambda-authorizer-mapping-template`;
// the function's code is the placeholder folder and the esbuild `Metadata`
// (`sam build` configuration) is left out.

app authorizer_header {
  runtime = "nodejs24.x"
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_120 = "responses are computed per request, as in the original: nothing to cache"
    CKV_AWS_76 = "REST access logs need the account-wide API Gateway CloudWatch role, which this demo does not set"
  }
}

function AuthorizerFunction {
  handler = "authorizer.handler"
  code    = "src"
}

api AppApi rest {
  stage_name  = "Prod"
  description = "API Gateway using Lambda Authorizer and Mapping Template to inject customer HTTP headers with additional data."
  auth        = lambda { function = AuthorizerFunction, token = "AuthorizationToken" }
  GET / -> "https://httpbin.org/get" {
    headers = { enrichmentHeader = authorizer.enrichment }
  }
}
