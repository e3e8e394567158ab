// The reference flow: an HTTP API writes orders to DynamoDB (synchronous),
// and announces them on an EventBridge bus; a rule routes large orders to an
// SQS queue drained by a second function (asynchronous), with dead-letter
// queues wherever a message can fail.

app orders {
  runtime       = "python3.13"
  architecture  = arm64
  memory        = 256MB
  timeout       = 10s
  log_retention = 30d
  tags { project = "orders-reference" }
  acknowledge {
    CKV_AWS_115 = "concurrency is left to the account limit; queue consumers are bounded by their batch size"
    CKV_AWS_116 = "asynchronously invoked functions send failures to their on_failure destination; the others are called synchronously"
    CKV_AWS_117 = "the functions call only AWS APIs; there is nothing in a VPC to reach"
  }
  // Every default alarm (errors, dead-letter queues, 5xx, ...) tells on-call.
  alarms { notify = Ops }
}

type NewOrder {
  customer: string(min_length = 1, max_length = 64)
  total:    number(min = 0)
  currency: "USD" | "EUR"
}

type OrderCreated {
  orderId: string
}

type Order {
  orderId:  string
  customer: string
  total:    number
  currency: "USD" | "EUR"
}

type Problem {
  message: string
}

event OrderPlaced from "orders.api" {
  orderId:  string
  customer: string
  total:    number
  currency: "USD" | "EUR"
}

table Orders {
  key = { pk: string, sk: string }
}

bus Orders_Bus

queue FulfilmentDlq {
  retention = 14d
}

// The rule delivers whole `OrderPlaced` events (the EventBridge envelope).
queue Fulfilment of OrderPlaced {
  visibility_timeout = 60s
  dead_letter        = FulfilmentDlq after 5 receives
}

queue RuleDlq {
  retention = 14d
}

function CreateOrder {
  handler = "orders.create"
  code    = "src"
  env {
    TABLE = Orders.name
    BUS   = Orders_Bus.name
  }
  writes Orders
  emits OrderPlaced to Orders_Bus
}

function GetOrder {
  handler = "orders.get"
  code    = "src"
  env { TABLE = Orders.name }
  reads Orders
}

function Fulfil {
  handler = "fulfil.handler"
  code    = "src"
  on Fulfilment { batch = 10, partial_failures = true }
}

api Public http {
  auth = jwt { issuer = "https://auth.orders.example.com", audience = ["orders-web"] }
  cors { origins = ["https://shop.example.com"], methods = [GET, POST] }
  POST /orders      -> CreateOrder {
    body = NewOrder, traffic = 20/s
    responses { 201 = OrderCreated, 400 = Problem }
  }
  GET  /orders/{id} -> GetOrder {
    params { id: string(min_length = 1) }, traffic = 100/s
    responses { 200 = Order, 404 = Problem }
  }
}

rule LargeOrders on Orders_Bus {
  match OrderPlaced where total >= 100 and currency in ["USD", "EUR"]
  send to Fulfilment
  retry { attempts = 8, max_age = 1h }
  dead_letter = RuleDlq
}

// The on-call engineers: where the alarms go.
topic Ops {
  subscribers { email = ["oncall-orders@example.com"] }
}
