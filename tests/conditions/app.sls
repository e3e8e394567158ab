// Deploy-time conditions: declarations under `when`, properties under `if`,
// and what refers to them from declarations that are always deployed.
// Built by compiler/tests/conditions.rs in both targets.

app conditional {
  runtime = "python3.13"
  outputs {
    AuditQueueUrl = Audit.url
  }
}

param Env string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Env == "prod"
condition IsDev = not IsProd
condition InHome = Env in ["dev", "prod"] and "${AWS::Region}" == "us-east-1"

event OrderPlaced {
  id: string
}

bus Shop {}

queue Jobs {
  name        = "prod-jobs" if IsProd // slsc's name elsewhere
  external    = true // another app sends the jobs
  dead_letter = JobsDlq after 5 receives
}
queue JobsDlq { retention = 14d }

// Only in prod; `Jobs` sends its failures nowhere else.
queue Audit {
  when        = IsProd
  dead_letter = AuditDlq after 5 receives
}
queue AuditDlq {
  when      = IsProd
  retention = 14d
}
queue Failures { retention = 14d }

table Orders {
  when = IsProd
  key  = { id: string }
}

table Carts {
  key    = { id: string }
  stream = new_image if IsProd
}

bucket Uploads {
  when = IsDev
  name = "uploads-${AWS::AccountId}" if InHome
}

topic Alerts {}

function Worker {
  handler     = "app.handler"
  code        = "src"
  description = "prod worker" if IsProd else "dev worker"
  env { TABLE = Orders.name }
  reads Orders
  sends to Audit
  emits OrderPlaced to Shop
  on Jobs { partial_failures = true }
}

function ProdOnly {
  when    = IsProd
  handler = "app.handler"
  code    = "src"
  on Audit { partial_failures = true }
  on Carts.stream {
    partial_failures = true
    on_failure       = Failures
  }
  on_failure = Failures
}

function Any {
  handler = "app.handler"
  code    = "src"
  on Uploads
  on Alerts { dead_letter = Failures }
  on_failure = Failures
}

rule OnOrder on Shop {
  match OrderPlaced
  send to ProdOnly
  send to Any
  dead_letter = Failures
}

schedule Nightly every 1d -> ProdOnly { dead_letter = Failures }

api Debug http {
  when = IsDev
  auth = iam
  GET /debug -> DebugHandler
}

function DebugHandler {
  when    = IsDev
  handler = "app.handler"
  code    = "src"
}
