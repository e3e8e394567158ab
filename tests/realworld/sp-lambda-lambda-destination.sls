// serverless-patterns lambda-lambda: a producer function invoked
// asynchronously (from outside the stack) whose successes go to one function
// and failures to another (Lambda destinations). Differences: each function
// gets its own least-privilege role (the producer's may invoke only the two
// destinations); the destination functions are invoked asynchronously by
// Lambda, so the spec gives them an on_failure queue.

app lambda_destinations {
  runtime = "nodejs24.x"
  timeout = 3s
  outputs {
    ProducerFunctionName  = { value = ProducerFunction.name, description = "Producer Lambda Function Name" }
    ProducerFunctionARN   = { value = ProducerFunction.arn, description = "Producer Lambda Function ARN" }
    OnSuccessFunctionName = { value = OnSuccessFunction.name, description = "OnSuccess Lambda Function Name" }
    OnSuccessFunctionARN  = { value = OnSuccessFunction.arn, description = "OnSuccess Lambda Function ARN" }
    OnFailureFunctionName = { value = OnFailureFunction.name, description = "OnFailure Lambda Function Name" }
    OnFailureFunctionARN  = { value = OnFailureFunction.arn, description = "OnFailure Lambda Function ARN" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

queue DestinationFailures { retention = 14d }

function ProducerFunction {
  handler     = "app.handler"
  code        = "src"
  description = "Lambda Function that will trigger Destination Function onSuccess or onFailure"
  external    = true
  on_success  = OnSuccessFunction
  on_failure  = OnFailureFunction
}

function OnFailureFunction {
  handler     = "app.handler"
  code        = "src"
  description = "Invoked by ProducerFunction Lambda onFailure"
  on_failure  = DestinationFailures
}

function OnSuccessFunction {
  handler     = "app.handler"
  code        = "src"
  description = "Invoked by ProducerFunction Lambda onSuccess"
  on_failure  = DestinationFailures
}
