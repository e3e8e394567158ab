// SAM translator test api_with_auth_all_minimum: four REST APIs, each with
// one default authorizer (Cognito user pool, Lambda TOKEN, Lambda REQUEST on
// the header Authorization1, Lambda REQUEST not cached), whose routes call
// one function, each on the stage `Prod`. Complete. Differences: the code is in S3 as
// in the original; nodejs12.x can no longer be used to create functions, so
// the spec uses nodejs22.x; the user pool gets slsc's defaults (passwords of
// at least 8 characters as in the original, but with every class of
// character, TOTP MFA offered, deletion protection, retained) and no
// `Schema` entry (email is a standard attribute: the entry only restated
// it).

app auth_all_minimum {
  runtime = "nodejs22.x"
  acknowledge {
    CKV_AWS_76 = "REST access logs need the account-wide API Gateway CloudWatch role, which this test does not set"
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_120 = "responses are computed per request, as in the original: nothing to cache"
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

userpool MyUserPool {
  name            = "UserPoolName"
  sign_in         = [email]
  verify          = []
  password_length = 8
}

api MyApiWithCognitoAuth rest {
  stage_name = "Prod"
  authorizers { MyCognitoAuth = cognito { pool = MyUserPool } }
  auth = MyCognitoAuth
  GET /cognito     -> MyFn
  ANY /any/cognito -> MyFn
}

api MyApiWithLambdaTokenAuth rest {
  stage_name = "Prod"
  auth = lambda { function = MyAuthFn, token = "Authorization" }
  GET /lambda-token     -> MyFn
  ANY /any/lambda-token -> MyFn
}

api MyApiWithLambdaRequestAuth rest {
  stage_name = "Prod"
  auth = lambda { function = MyAuthFn, headers = ["Authorization1"] }
  GET /lambda-request     -> MyFn
  ANY /any/lambda-request -> MyFn
}

api MyApiWithNotCachedLambdaRequestAuth rest {
  stage_name = "Prod"
  auth = lambda { function = MyAuthFn, cache = 0s }
  GET /not-cached-lambda-request -> MyFn
}
