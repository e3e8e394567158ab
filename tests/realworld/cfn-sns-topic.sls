// aws-cloudformation-templates SNSTopic: a topic with one subscription whose
// endpoint and protocol are template parameters. Partial: slsc's
// subscriptions are written in the spec (a queue of the app, a function's
// `on`, or literal email, sms and https endpoints) and checked there; an
// endpoint and protocol chosen at deploy time cannot be expressed, so only
// the topic is. The topic is encrypted with the app's KMS key.

app sns_topic {
  outputs {
    QueueName = { value = SNSTopic.name, description = "Name of newly created SNS Topic" }
  }
}

// `external` (subscribers outside the spec) gives the output SNSTopicArn.
topic SNSTopic { external = true }
