// E0115: a raw policy for a declared queue would replace the one slsc derives
queue Jobs {
  visibility_timeout = 60s
  external = true
}

resource JobsAccess "AWS::SQS::QueuePolicy" {
  properties = {
    Queues = [Jobs.url]
    PolicyDocument = {
      Version = "2012-10-17"
      Statement = [{ Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = "sqs:SendMessage", Resource = Jobs.arn }]
    }
  }
}
