// SAM translator test api_with_auth_all_minimum: four REST APIs, each with
// one default authorizer (Cognito user pool, Lambda TOKEN, Lambda REQUEST
// on the header Authorization1, Lambda REQUEST not cached), whose routes
// call one function. Partial: the Cognito user pool and its authorizer have
// no equivalent in slsc (its API, GET /cognito and ANY /any/cognito, is left
// out), and slsc's Lambda authorizers on REST APIs are REQUEST authorizers:
// the TOKEN authorizer becomes a REQUEST authorizer on the Authorization
// header (the function receives the request's headers rather than
// `authorizationToken`). Other differences: the code is in S3 as in the
// original; nodejs12.x can no longer be used to create functions, so the
// spec uses nodejs22.x; the stages are `prod` rather than `Prod`.

app auth_all_minimum {
  runtime = "nodejs22.x"
  acknowledge {
    CKV_AWS_76 = "REST access logs need the account-wide API Gateway CloudWatch role, which this test does not set"
  }
}

function MyAuthFn {
  handler = "index.handler"
  code    = "s3://bucket/key"
}

function MyFn {
  handler = "index.handler"
  code    = "s3://bucket/key"
}

api MyApiWithLambdaTokenAuth rest {
  auth = lambda { function = MyAuthFn, headers = ["Authorization"] }
  GET /lambda-token     -> MyFn
  ANY /any/lambda-token -> MyFn
}

api MyApiWithLambdaRequestAuth rest {
  auth = lambda { function = MyAuthFn, headers = ["Authorization1"] }
  GET /lambda-request     -> MyFn
  ANY /any/lambda-request -> MyFn
}

api MyApiWithNotCachedLambdaRequestAuth rest {
  auth = lambda { function = MyAuthFn, cache = 0s }
  GET /not-cached-lambda-request -> MyFn
}
