// serverless-patterns apigw-lambda-authorizer-custom-header: a REST API
// whose only route, `GET /`, forwards to https://httpbin.org/get with the
// header `enrichmentHeader` set from the authorizer's context
// (`headers = { enrichmentHeader = authorizer.enrichment }`), behind a
// Lambda TOKEN authorizer on the `AuthorizationToken` header, caching
// decisions 5 minutes as the original's default does. Differences: the
// original's integration is a non-proxy HTTP integration whose mapping
// template sets the header (`$context.requestOverride.header`); here it is
// an HTTP proxy with a request parameter mapping
// (`integration.request.header.enrichmentHeader: context.authorizer.enrichment`),
// which sends the same header and passes the endpoint's response through.
// The API is named `${AWS::StackName}-AppApi`, not
// `apigw-lambda-authorizer-mapping-template`; the function's code is the
// placeholder folder and the esbuild `Metadata` (`sam build`
// configuration) is left out.

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
