// serverless-patterns eventbridge-lambda: a rule on the default bus sends
// `transaction` events from `custom.myApp` whose location starts with
// "EUR-" to a Node.js function. Differences: the rule is a plain
// AWS::Events::Rule with a Lambda permission (SAM's EventBridgeRule event
// makes the same two), and the spec adds a dead-letter queue on the rule
// and an on_failure queue on the function, which the original lacks.

app eventbridge_lambda {
  runtime = "nodejs24.x"
  timeout = 3s
  outputs {
    ConsumerFunction = { value = ConsumerFunction.name, description = "ConsumerFunction function name" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

event Transaction from "custom.myApp" detail_type "transaction" external {
  location: string
}

queue Failures { retention = 14d }

function ConsumerFunction {
  handler     = "app.handler"
  code        = "src"
  description = "Invoked by EventBridge rule"
  on_failure  = Failures
}

rule Trigger on default {
  match Transaction where location prefix "EUR-"
  send to ConsumerFunction
  dead_letter = Failures
}
