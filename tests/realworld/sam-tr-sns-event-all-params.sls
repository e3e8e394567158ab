// SAM translator test function_with_sns_event_source_all_parameters: a
// function subscribed to an existing topic of another account and region,
// with a filter policy on message attributes. Complete, with these
// differences: the original's topic ARN (`...:key/dec8...`) and region
// (`region`) are placeholders no deploy accepts, so the spec names a valid
// topic ARN of that account in us-west-2 (the subscription is created in
// the topic's region, `Region`); the original's fifth key, `before` with a
// nested `owner`, can never match a message attribute (attributes are flat
// name-value pairs, so the policy as written matches no message at all):
// slsc reports it (E0401) and the spec leaves it out. python2.7 can no
// longer be used: python3.13. What slsc adds: the Lambda permission names
// the topic and its owner account, a dead-letter queue catches what SNS
// cannot deliver, and an on_failure queue what keeps failing.

app sns_event_all_params {
  runtime = "python3.13"
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

topic NotificationTopic { arn = "arn:aws:sns:us-west-2:987654321098:notifications" }

queue Failures { retention = 14d }

function MyAwesomeFunction {
  handler    = "hello.handler"
  code       = "s3://sam-demo-bucket/hello.zip"
  on NotificationTopic where store = "example_corp"
      and event != "order_cancelled"
      and customer_interests in ["rugby", "football", "baseball"]
      and price_usd >= 100 {
    filter_on   = attributes
    dead_letter = Failures
  }
  on_failure = Failures
}
