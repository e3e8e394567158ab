// Traffic shifting, alarms and provisioned concurrency under deploy-time
// conditions: the canary, its alarm, hook and topic exist in prod only,
// and everything they add carries the condition. Built by
// compiler/tests/conditions.rs (the invariant over conditional templates)
// and compiler/tests/aliases.rs, in both targets.

app conditional_deploy {
  runtime = "python3.13"
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit"
    CKV_AWS_116 = "the functions are invoked synchronously"
    CKV_AWS_117 = "the functions call only AWS APIs; there is nothing in a VPC to reach"
  }
}

param Env string {
  default = "dev"
  allowed = ["dev", "prod"]
}

condition IsProd = Env == "prod"

topic Deployments { when = IsProd }

alarm CheckoutErrors {
  when      = IsProd
  metric    = Checkout.errors
  threshold = 1
  notify    = [Deployments]
}

function Checkout {
  when           = IsProd
  handler        = "app.handler"
  code           = "src"
  external       = true
  alias          = live
  deploy         = canary { percent = 5, interval = 3m }
  rollback_on    = [CheckoutErrors]
  before_traffic = CheckoutTest
  deploy_notify  = Deployments
  provisioned_concurrency = scaled { min = 1, max = 4, utilization = 0.6 }
}

function CheckoutTest {
  when    = IsProd
  handler = "hooks.handler"
  code    = "src"
}

function Always {
  handler  = "app.handler"
  code     = "src"
  external = true
  alias    = live
  deploy   = all_at_once
}
