// serverless-patterns sam-webapp-cognito: a web app served by CloudFront
// from a private S3 bucket (origin access control, cache policy), a Cognito
// user pool and client, and an HTTP API whose POST /api, protected by a JWT
// authorizer on the pool, calls a function that writes to the table Rides.
// Partial: CloudFront (distribution, OAC, cache policy) and the site bucket
// with its CloudFront-only policy have no equivalent in slsc. The user pool
// signs users in by email (`UsernameAttributes`) rather than by a user name
// with email as an alias (`AliasAttributes`), and gets slsc's defaults
// (strong passwords, TOTP MFA offered, retained with deletion protection);
// the JWT authorizer's issuer is the pool's, written
// `cognito-idp.${AWS::Region}.amazonaws.com` rather than with
// `${AWS::URLSuffix}`; the issuer URL is not an output (the pool's and the
// client's IDs are, exported as in the original). Other differences: the
// table is encrypted with the app's KMS key and has point-in-time recovery;
// the API gets access logs; the function may write only
// (DynamoDBWritePolicy, as in the original).

app webapp {
  runtime = "nodejs24.x"
  outputs {
    DynamoDbTable   = { value = DynamoTable.name, description = "DynamoDb Table" }
    HttpApiEndpoint = { value = HttpApi.url, description = "API Endpoint" }
    CognitoUserPoolId       = { value = UserPool.id, export = "UserPool::Id" }
    CognitoUserPoolClientId = { value = UserPool.WildRydesWeb.id, export = "UserPoolClient::Id" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

userpool UserPool {
  name    = "WildRydes"
  sign_in = [email]
  clients { WildRydesWeb = {} }
}

table DynamoTable {
  key  = { Id: string }
  name = "Rides"
}

function LamdaFunction {
  handler = "app.handler"
  code    = "src"
  writes DynamoTable
}

api HttpApi http {
  description = "Serverless webapp api"
  authorizers {
    OAuth2Authorizer = jwt { issuer = UserPool, audience = [UserPool.WildRydesWeb] }
  }
  auth = OAuth2Authorizer
  cors {
    origins = ["*"]
    methods = [GET, HEAD, OPTIONS]
    headers = ["*"]
  }
  POST /api -> LamdaFunction
}
