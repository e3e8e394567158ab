// sessions-with-aws-sam SQS: a queue (visibility 120 s, dead-letter queue
// after 4 receives, tag Series=SWS) drained by a function in batches of 10,
// and a queue policy that lets an outside account and role send during a
// fixed time window (DateGreaterThan/DateLessThan on aws:CurrentTime): the
// queue's `policy` (the original's principals are placeholders, `[desired
// account number]`; the spec names an example account and role). Complete.
// Differences: nodejs16.x can no longer
// be used to create functions, so the spec uses nodejs22.x; the app's tag is
// on every resource; queues are encrypted; DelaySeconds 0 is SQS's default;
// the trigger reports partial batch failures (W0326: without it one bad
// message makes the whole batch of 10 retry), so the handler must return
// `batchItemFailures`.

app sqs {
  runtime = "nodejs22.x"
  timeout = 5s
  tags { Series = "SWS" }
  outputs {
    RawSqsUrl     = { value = RawQueue.url, description = "URL of the SQS Queue" }
    DeadLetterUrl = { value = DeadLetter.url, description = "URL of the SQS Queue" }
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

queue DeadLetter { retention = 14d }

queue RawQueue {
  visibility_timeout = 120s
  dead_letter        = DeadLetter after 4 receives
  external           = true
  policy = [{
    Effect    = "Allow"
    Action    = ["sqs:SendMessage"]
    Principal = { AWS = ["111122223333", "arn:aws:iam::111122223333:role/Sender"] }
    Condition = {
      DateGreaterThan = { "aws:CurrentTime" = "2020-04-28T12:00Z" }
      DateLessThan    = { "aws:CurrentTime" = "2020-05-01T12:00Z" }
    }
  }]
}

function TriggeredFunction {
  handler = "app.lambdaHandler"
  code    = "src"
  on RawQueue { batch = 10, partial_failures = true }
}
