// SAM integration test function_with_deployment_alarms_and_hooks: a
// function published behind the alias `Live` and shifted to each new
// version by CodeDeploy, 10% for 5 minutes then all of it
// (Canary10Percent5Minutes), rolling back when an errors alarm fires, with
// pre-traffic and post-traffic hook functions. Differences: CodeDeploy's
// role is slsc's (per function, least privilege: the alias, the two
// hooks and the alarm; the original's `DeploymentRole` grants
// cloudwatch:DescribeAlarms, lambda:UpdateAlias, GetAlias, InvokeFunction,
// s3:Get* and sns:Publish on `*`); the hooks, commented out in the
// original because its hook code never reports a verdict (so the
// deployment waits on them), are wired, and their roles may report one
// (codedeploy:PutLifecycleEventHookExecutionStatus) and invoke the
// function's versions; the original's three alarms watch `Error`, a metric
// Lambda does not publish, on the function, its alias and its new version:
// the spec has one alarm on `Errors` of the alias, which is what CodeDeploy
// shifts and what every caller invokes (alarms on all versions and on the
// new version alone, an `ExecutedVersion` dimension, are not expressible);
// the function is `external` (the original has no events: callers are
// outside the stack), so its alias ARN is an output; nodejs18.x is
// replaced by nodejs22.x.

app deployment_alarms_hooks {
  runtime = "nodejs22.x"
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "the function is invoked synchronously by whoever calls its alias, as in the original: there are no asynchronous failures to keep"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
  }
}

function MyLambdaFunction {
  handler        = "index.handler"
  code           = "src"
  external       = true
  alias          = Live
  deploy         = canary { percent = 10, interval = 5m }
  rollback_on    = [AliasErrorsAlarm]
  before_traffic = PreTrafficFunction
  after_traffic  = PostTrafficFunction
}

alarm AliasErrorsAlarm {
  metric             = MyLambdaFunction.errors
  statistic          = maximum
  period             = 1m
  evaluation_periods = 5
  threshold          = 1
}

function PreTrafficFunction {
  handler = "index.handler"
  code    = "src"
}

function PostTrafficFunction {
  handler = "index.handler"
  code    = "src"
}
