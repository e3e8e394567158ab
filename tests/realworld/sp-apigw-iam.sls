// serverless-patterns apigw-iam: a REST API whose only route, GET /, needs
// requests signed with AWS Signature Version 4 (AWS_IAM) and calls a
// Node.js function, and two demo IAM users, one allowed to invoke the API
// and one that is not. The users are `resource` declarations (slsc declares
// no IAM users: callers' identities are managed outside applications), so
// `slsc permissions` lists them as unchecked. The API gets X-Ray tracing.

app apigw_iam {
  runtime = "nodejs24.x"
  acknowledge {
    CKV_AWS_76 = "REST access logs need the account-wide API Gateway CloudWatch role, which this demo does not set"
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_120 = "responses are computed per request, as in the original: nothing to cache"
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
  stage_name = "Prod"
  description = "IAM authorizer REST API demo"
  auth        = iam
  GET / -> AppFunction
}

// May invoke the API (and the function directly).
resource AuthorizedUser "AWS::IAM::User" {
  properties = {
    Policies = [{
      PolicyName = "root"
      PolicyDocument = {
        Version = "2012-10-17"
        Statement = [
          { Effect = "Allow", Action = "execute-api:Invoke", Resource = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${AppApi}/Prod/*" },
          { Effect = "Allow", Action = "lambda:InvokeFunction", Resource = AppFunction.arn }
        ]
      }
    }]
  }
}

// May call every API of the account, but lacks the Lambda privilege the
// demo contrasts with the authorized user.
resource UnauthorizedUser "AWS::IAM::User" {
  properties = {
    Policies = [{
      PolicyName = "root"
      PolicyDocument = {
        Version = "2012-10-17"
        Statement = [
          { Effect = "Allow", Action = "execute-api:Invoke", Resource = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:*/*/*" }
        ]
      }
    }]
  }
}
