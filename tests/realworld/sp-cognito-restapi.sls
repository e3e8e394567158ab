// serverless-patterns cognito-restapi: a REST API whose GET / is protected
// by a Cognito user pool authorizer and calls a function. The pool is
// another stack's, given by ARN as a parameter, and the token is read from
// the `authorizationToken` header, as in the original. Complete.
// Differences: the API is named `${AWS::StackName}-AppApi` rather than
// `cognito-restapi` (its description is kept); the function's permission
// is scoped to GET / as in the original; access logs stay off, as in the
// original.

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

param CognitoUserPoolArn string {
  description = "ARN of the Cognito User Pool"
}

function AppFunction {
  handler = "app.handler"
  code    = "src"
}

api AppApi rest {
  description = "Cognito User Pools Authorizer REST API demo"
  stage_name  = "Prod"
  authorizers {
    CognitoAuthorizer = cognito { pool = CognitoUserPoolArn, header = "authorizationToken" }
  }
  auth = CognitoAuthorizer
  GET / -> AppFunction
}
