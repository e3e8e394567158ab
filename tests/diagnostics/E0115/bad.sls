// E0115: a queue written raw: `queue` declares it, with its policies and checks
resource Jobs "AWS::SQS::Queue" {
  properties = { VisibilityTimeout = 60 }
}
