// serverless-patterns sam-webapp-cognito: a web app served by CloudFront
// from a private S3 bucket (origin access control, cache policy), a Cognito
// user pool and client, and an HTTP API whose POST /api, protected by a JWT
// authorizer on the pool, calls a function that writes to the table Rides.
// Partial: CloudFront (distribution, OAC, cache policy), the site bucket
// with its CloudFront-only policy, and the Cognito user pool and client
// have no equivalent in slsc; the JWT authorizer takes the pool's and
// client's ids as parameters, and the outputs about them are gone. Other
// differences: the table is encrypted with the app's KMS key and has
// point-in-time recovery; the API gets access logs; the function may write
// only (DynamoDBWritePolicy, as in the original).

app webapp {
  runtime = "nodejs24.x"
  outputs {
    DynamoDbTable   = { value = DynamoTable.name, description = "DynamoDb Table" }
    HttpApiEndpoint = { value = HttpApi.url, description = "API Endpoint" }
  }
}

param UserPoolId string { description = "the id of the Cognito user pool that signs the tokens" }
param UserPoolClientId string { description = "the id of the user pool's web client (the tokens' audience)" }

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
    OAuth2Authorizer = jwt { issuer = "https://cognito-idp.${AWS::Region}.${AWS::URLSuffix}/${UserPoolId}", audience = [UserPoolClientId] }
  }
  auth = OAuth2Authorizer
  cors {
    origins = ["*"]
    methods = [GET, HEAD, OPTIONS]
    headers = ["*"]
  }
  POST /api -> LamdaFunction
}
