// One spec, two stages: what differs between dev and prod is written where
// it is used, with `stage { dev = ..., prod = ... }`. The compiler's tests
// build every stage in both targets (compiler/tests/stages.rs), and CI
// validates them (scripts/validate-examples.sh).

app shop {
  runtime       = "nodejs22.x"
  architecture  = arm64
  log_retention = stage { dev = 7d, prod = 365d }
  tags { team = "shop" }
  acknowledge {
    CKV_AWS_115 = "concurrency is reserved in prod only, where it matters"
    CKV_AWS_116 = "the worker is fed by a queue with a dead-letter queue; the API function is called synchronously"
    CKV_AWS_117 = "the functions call only AWS APIs; there is nothing in a VPC to reach"
  }
}

stage dev
stage prod { account = "444455556666", region = "eu-west-1" }

api Shop http {
  auth = jwt {
    issuer   = stage { dev = "https://auth.dev.example.com/", prod = "https://auth.example.com/" }
    audience = ["shop"]
  }
  cors {
    origins = stage { dev = ["http://localhost:3000"], prod = ["https://shop.example.com"] }
  }
  POST /orders -> PlaceOrder
}

function PlaceOrder {
  handler     = "orders.place"
  code        = "src"
  memory      = stage { dev = 256MB, prod = 1024MB }
  concurrency = stage { prod = 100 }
  env {
    STAGE     = "${stage}"
    LOG_LEVEL = stage { dev = "debug", default = "info" }
  }
  writes Orders
  sends to Fulfilment
}

table Orders {
  name    = "shop-orders-${stage}"
  key     = { orderId: string }
  billing = stage { dev = on_demand, prod = provisioned { read = 20, write = 10 } }
}

queue FulfilmentDlq {
  retention = 14d
}

queue Fulfilment {
  name               = "shop-fulfilment-${stage}"
  visibility_timeout = 60s
  retention          = stage { dev = 1d, prod = 4d }
  dead_letter        = FulfilmentDlq after 5 receives
}

function Fulfil {
  handler = "orders.fulfil"
  code    = "src"
  timeout = 10s
  on Fulfilment { batch = stage { dev = 1, prod = 10 }, partial_failures = true }
  reads Orders
}

// Load generator for dev only: prod has real traffic.
schedule Synthetic every 5m -> Probe {
  stages      = [dev]
  retry { max_age = 5m }
  dead_letter = drop { reason = "a missed probe is replaced by the next one" }
}

function Probe {
  stages        = [dev]
  handler       = "orders.probe"
  code          = "src"
  max_event_age = 5m
  on_failure    = drop { reason = "a failed probe is replaced by the next one" }
  sends to Fulfilment
}
