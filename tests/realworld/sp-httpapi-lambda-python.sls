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
}

function ApiFunction {
  handler = "index.handler"
  code    = "src"
}

api Api http {
  auth = none
  $default -> ApiFunction { acknowledge = "a public hello-world endpoint, as in the original" }
}
