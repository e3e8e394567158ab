// Versions, aliases, traffic shifting and provisioned concurrency: a
// function with an alias behind every kind of invocation, a canary with
// hooks, rollback alarms and deployment notifications, a linear shift with
// a configuration of its own, and provisioned concurrency fixed, scaled on
// utilization and on a schedule. Built in both targets by
// `compiler/tests/aliases.rs`.

app shop {
  runtime      = "python3.13"
  architecture = arm64
  tags { team = "shop" }
  acknowledge {
    CKV_AWS_117 = "the functions call only AWS APIs; there is nothing in a VPC to reach"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations"
    CKV_AWS_173 = "environment variables hold no secrets"
    CKV_AWS_115 = "only Checkout reserves concurrency (its provisioned instances need it); the others use the account's pool"
  }
}

topic Ops
topic Deployments
queue Failures { retention = 14d }
queue Jobs { visibility_timeout = 180s, dead_letter = Failures after 5 receives }

alarm CheckoutErrors {
  metric             = Checkout.errors
  threshold          = 1
  period             = 1m
  evaluation_periods = 2
  notify             = [Ops]
  description        = "Checkout fails on its live alias"
}

alarm CheckoutSlow {
  metric    = Checkout.duration
  statistic = p99
  threshold = 2s
  period    = 1m
}

alarm WorkerThrottles {
  metric       = Worker.throttles
  threshold    = 5
  period       = 5m
  missing_data = not_breaching
}

function Checkout {
  handler  = "app.handler"
  code     = "src"
  timeout  = 10s
  concurrency = 50
  alias    = live
  deploy   = canary { percent = 10, interval = 5m }
  rollback_on    = [CheckoutErrors, CheckoutSlow]
  before_traffic = CheckoutPreTraffic
  after_traffic  = CheckoutPostTraffic
  deploy_notify  = Deployments
  provisioned_concurrency = scaled {
    min         = 2
    max         = 20
    utilization = 0.7
    business_hours { cron = "0 8 ? * MON-FRI *", min = 5, max = 20, timezone = "Europe/Paris" }
    night          { cron = "0 20 ? * MON-FRI *", min = 2, max = 10, timezone = "Europe/Paris" }
  }
  sends to Jobs
}

function Worker {
  handler = "app.handler"
  code    = "src"
  timeout = 30s
  alias   = prod
  deploy  = linear { percent = 20, every = 2m }
  rollback_on = [WorkerThrottles]
  provisioned_concurrency = 3
  on_failure = Failures
  on Jobs { batch = 10, partial_failures = true }
  on Ops { dead_letter = Failures }
}

function CheckoutPreTraffic {
  handler = "hooks.handler"
  code    = "src"
}

function CheckoutPostTraffic {
  handler = "hooks.handler"
  code    = "src"
}

api Public http {
  auth = iam
  POST /checkout -> Checkout
}

schedule Nightly cron "0 2 * * ? *" -> Worker {
  dead_letter = Failures
}
