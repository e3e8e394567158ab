// aws-cloudformation-templates SNSTopic: a topic with one subscription whose
// endpoint and protocol are template parameters. Complete. The subscription
// is a `resource` (unchecked): slsc's typed subscriptions (a queue of the
// app, a function's `on`, literal email, sms and https endpoints) know
// their protocol, and here the deployer chooses it. The topic is encrypted
// with the app's KMS key, so a queue or function in another account that
// subscribes needs to be allowed to use it.

app sns_topic {
  outputs {
    QueueName = { value = SNSTopic.name, description = "Name of newly created SNS Topic" }
  }
}

param SubscriptionEndPoint string {
  description = "The endpoint that receives notifications from the Amazon SNS topic. The endpoint value depends on the protocol that you specify. This could be a URL or ARN"
}

param SubscriptionProtocol string {
  description = "The subscription's protocol"
  allowed     = ["http", "https", "email", "email-json", "sms", "sqs", "application", "lambda"]
  default     = "sqs"
}

// `external` (subscribers outside the spec) gives the output SNSTopicArn.
topic SNSTopic { external = true }

resource SNSSubscription "AWS::SNS::Subscription" {
  properties = {
    Endpoint = SubscriptionEndPoint
    Protocol = SubscriptionProtocol
    TopicArn = SNSTopic.arn
  }
}
