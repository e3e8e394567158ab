// serverless-patterns cognito-restapi: a REST API whose GET / is protected
// by a Cognito user pool authorizer and calls a function. Partial: the
// original takes the pool's ARN as a parameter (a pool of another stack);
// slsc's `cognito` authorizer names a pool of the spec, so the pool is
// declared here (with slsc's defaults: email sign-in, strong passwords,
// TOTP MFA offered, retained with deletion protection). Other differences:
// the token is read from the `Authorization` header rather than
// `authorizationToken`; the API is named `${AWS::StackName}-AppApi` rather
// than `cognito-restapi` and its description is kept; the stage is `prod`
// rather than `Prod`; the function's permission is scoped to GET / as in
// the original; access logs stay off, as in the original.

app cognito_restapi {
  runtime = "nodejs24.x"
  acknowledge {
    CKV_AWS_76 = "REST access logs need the account-wide API Gateway CloudWatch role, which this pattern does not set"
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_120 = "responses are computed per request, as in the original: nothing to cache"
  }
}

userpool Users { sign_in = [email] }

function AppFunction {
  handler = "app.handler"
  code    = "src"
}

api AppApi rest {
  description = "Cognito User Pools Authorizer REST API demo"
  authorizers { CognitoAuthorizer = cognito { pool = Users } }
  auth = CognitoAuthorizer
  GET / -> AppFunction
}
