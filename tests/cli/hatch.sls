// The escape hatch: CloudFormation resources written raw (`resource`), used
// by name from the rest of the spec and using its declarations.
app hatch {
  runtime = "python3.13"
  outputs {
    ConsumerArn = Reader.ConsumerARN
    Alarm = LagAlarm.ref
  }
}

param Env string { default = "dev" }

stream Clicks {
  shards = 1
  // A setting the language does not have, as CloudFormation names it.
  overrides {
    DesiredShardLevelMetrics = ["IncomingBytes", "IncomingRecords"]
  }
}

queue Alerts {
  external     = true
  receive_wait = 20s
  dead_letter  = AlertsDlq after 5 receives
}
queue AlertsDlq { retention = 14d }

resource Reader "AWS::Kinesis::StreamConsumer" {
  properties = {
    ConsumerName = "clicks-reader-${Env}"
    StreamARN = Clicks.arn
  }
}

resource LagAlarm "AWS::CloudWatch::Alarm" {
  properties = {
    AlarmDescription = "consumer ${Reader.ConsumerARN} falls behind"
    Namespace = "AWS/Kinesis"
    MetricName = "GetRecords.IteratorAgeMilliseconds"
    Dimensions = [{ Name = "StreamName", Value = Clicks.name }]
    Statistic = "Maximum"
    Period = 60
    EvaluationPeriods = 5
    Threshold = 60000
    ComparisonOperator = "GreaterThanThreshold"
    TreatMissingData = "notBreaching"
  }
  depends_on = [Notify]
}

function Notify {
  handler = "notify.handler"
  env { CONSUMER_ARN = Reader.ConsumerARN }
  on Alerts { partial_failures = true }
}

// A first-class enhanced fan-out consumer, for comparison: no `resource`.
function Count {
  handler = "count.handler"
  on Clicks {
    consumer = "clicks-counter"
    start    = trim_horizon
    partial_failures = true
    on_failure = drop { reason = "click counts are approximate" }
  }
}
