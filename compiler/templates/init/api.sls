// An HTTP API in front of two functions and a table. `slsc check` checks
// it, `slsc build app.sls` turns it into a SAM template (see
// docs/getting-started.md in slsc's repository).

app APP_NAME {
  runtime       = "python3.13"
  architecture  = arm64
  log_retention = 30d
  log_format    = json
  alarms { notify = Ops }
  acknowledge {
    CKV_AWS_115 = "concurrency is left to the account limit until the API's traffic is known"
    CKV_AWS_116 = "the functions are invoked synchronously by the API; callers see their errors"
    CKV_AWS_117 = "the functions call only AWS APIs; there is nothing in a VPC to reach"
  }
}

type NewItem {
  name: string(min_length = 1, max_length = 100)
}

table Items {
  key = { id: string }
}

function CreateItem {
  handler = "items.create"
  code    = "src"
  env { TABLE = Items.name }
  writes Items
}

function GetItem {
  handler = "items.get"
  code    = "src"
  env { TABLE = Items.name }
  reads Items
}

api Public http {
  auth = iam
  POST /items      -> CreateItem { body = NewItem }
  GET  /items/{id} -> GetItem
}

// Where the alarms go: subscribe the people on call.
topic Ops {
  subscribers { email = ["oncall@example.com"] }
}
