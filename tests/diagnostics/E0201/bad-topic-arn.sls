// E0201: a topic given by `arn` needs an SNS topic ARN (this one is a queue's)
app ops { runtime = "python3.13" }

topic Partners { arn = "arn:aws:sqs:us-west-2:111122223333:partners" }

queue Failures { retention = 14d }

function Relay {
  handler    = "relay.handler"
  on Partners { dead_letter = Failures }
  on_failure = Failures
}
