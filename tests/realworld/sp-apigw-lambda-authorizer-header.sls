// serverless-patterns apigw-lambda-authorizer-custom-header: a REST API
// whose only route, `GET /`, forwards to https://httpbin.org/get, behind a
// Lambda authorizer reading the `AuthorizationToken` header. Partial: the
// original's integration is a non-proxy HTTP integration with an (empty)
// mapping template, meant to inject headers from the authorizer's context;
// here it is an HTTP proxy (`GET / -> "https://httpbin.org/get"`), which
// forwards the request as it is. The authorizer is a REQUEST authorizer on
// that header (slsc's REST Lambda authorizers are REQUEST, the original's
// TOKEN), caching decisions 5 minutes as the original's default does. Other
// differences: the API is named
// `${AWS::StackName}-AppApi`, not `apigw-lambda-authorizer-mapping-template`;
// the function's code is the placeholder folder and the esbuild `Metadata`
// (`sam build` configuration) is left out.

app authorizer_header {
  runtime = "nodejs24.x"
}

function AuthorizerFunction {
  handler = "authorizer.handler"
  code    = "src"
}

api AppApi rest {
  stage_name = "Prod"
  description = "API Gateway using Lambda Authorizer and Mapping Template to inject customer HTTP headers with additional data."
  auth        = lambda { function = AuthorizerFunction, headers = ["AuthorizationToken"] }
  GET / -> "https://httpbin.org/get"
}
