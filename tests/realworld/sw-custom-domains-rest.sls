// sessions-with-aws-sam custom-domains rest: a REST API, GET / to a
// function, served under a custom domain. Partial: the custom domain (the
// API's Domain with its ACM certificate and Route53 hosted zone, each
// created or taken from a parameter through Conditions and `!If`) has no
// equivalent in slsc: the API is reached at its execute-api URL. Other
// differences: the code is a folder rather than InlineCode; nodejs16.x can
// no longer be used to create functions, so the spec uses nodejs22.x; the
// API gets X-Ray tracing.

app custom_domain_rest {
  runtime = "nodejs22.x"
  acknowledge {
    CKV_AWS_76 = "REST access logs need the account-wide API Gateway CloudWatch role, which this demo does not set"
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_120 = "responses are computed per request, as in the original: nothing to cache"
    CKV_AWS_59 = "a public demo endpoint, as in the original"
  }
}

function RestApiFunction {
  handler = "index.handler"
  code    = "src"
}

api RestApiGateway rest {
  stage_name = "Prod"
  auth = none
  GET / -> RestApiFunction
}
