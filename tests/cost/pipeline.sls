// Traffic along every kind of hop `slsc cost` follows: a route to a
// function, a queue consumed in batches, a rule passing a share of the
// events it receives, a topic fanning out, a bucket triggering a function,
// schedules by rate and by cron.
app pipeline {
  runtime = "python3.13"
  memory  = 1024MB
}

event OrderPlaced from "shop.orders" {
  orderId: string
  total:   number
}

bus OrderBus

table Orders {
  key = { orderId: string }
}

queue Jobs

queue JobFailures { retention = 14d }

api Shop http {
  POST /orders -> Accept { traffic = 10/s, auth = none, acknowledge = "a public order form" }
}

function Accept {
  handler          = "accept.main"
  average_duration = 50ms
  writes Orders
  sends to Jobs
  emits OrderPlaced to OrderBus
}

function Work {
  handler          = "work.main"
  architecture     = arm64
  average_duration = 2s
  on Jobs { batch = 10 }
}

rule BigOrders on OrderBus {
  match OrderPlaced where total > 100
  send to Ship
  passes      = 25%
  dead_letter = drop { reason = "orders are reconciled nightly" }
}

function Ship {
  handler    = "ship.main"
  on_failure = drop { reason = "orders are reconciled nightly" }
  publishes to Shipped
}

topic Shipped {
  subscribe Billing
  subscribe Analytics
  subscribers { email = ["shipping@example.com"] }
}

queue Billing
queue Analytics

function Bill {
  handler = "bill.main"
  on Billing { batch = 5 }
}

function Analyse {
  handler = "analyse.main"
  on Analytics { batch = 100, window = 30s }
}

bucket Uploads {
  traffic     = 100/h
  object_size = 2MB
  lifecycle {
    originals = { glacier = 30d, expire = 180d }
  }
}

function Resize {
  handler    = "resize.main"
  on Uploads { events = [created] }
  reads Uploads
  on_failure = drop { reason = "uploads are resized again on demand" }
}

function Cleanup {
  handler = "cleanup.main"
}

schedule Every5 every 5m -> Cleanup {
  dead_letter = drop { reason = "the next run cleans up" }
}

function Report {
  handler = "report.main"
}

schedule Weekdays cron "0 8 ? * MON-FRI *" -> Report {
  dead_letter = drop { reason = "the next run reports" }
}
