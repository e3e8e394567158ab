// serverless-patterns apigw-http-api-lambda-python: the smallest HTTP API,
// every request to one function. Differences: the code is a folder rather
// than InlineCode; the API is declared (the original uses SAM's implicit
// ServerlessHttpApi) and gets access logs; the route is public, as in the
// original, and says so.

app httpapi_lambda {
  runtime = "python3.14"
  outputs {
    HttpApiEndpoint = Api.url
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

function ApiFunction {
  handler = "index.handler"
  code    = "src"
}

api Api http {
  auth = none
  $default -> ApiFunction { acknowledge = "a public hello-world endpoint, as in the original" }
}
