// E0103: a resource depending on a queue outside the stack, which has no resource here
app shop { runtime = "python3.13" }
queue Q { arn = "arn:aws:sqs:us-east-1:111122223333:q" }
resource Alarm "AWS::CloudWatch::Alarm" {
  depends_on = [Q]
  properties {
    AlarmName = "${Q}-depth"
    MetricName = "ApproximateNumberOfMessagesVisible"
    Namespace = "AWS/SQS"
    Statistic = "Maximum"
    Period = 60
    EvaluationPeriods = 1
    Threshold = 10
    ComparisonOperator = "GreaterThanThreshold"
  }
}
