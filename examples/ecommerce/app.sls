// E-commerce order flow: orders are accepted over HTTP and buffered in SQS;
// payments are charged from a FIFO queue with partial batch failures; the
// outcome is announced on a bus where rules drive inventory, shipping and
// customer notifications.

app shop {
  runtime       = "nodejs24.x"
  architecture  = arm64
  memory        = 512MB
  timeout       = 10s
  log_retention = 90d
  tags { team = "commerce", cost_center = "cc-114", pii = "no" }
  acknowledge {
    CKV_AWS_115 = "concurrency is left to the account limit; queue consumers are bounded by their batch size"
    CKV_AWS_116 = "asynchronously invoked functions send failures to their on_failure destination; the others are called synchronously"
    CKV_AWS_117 = "the functions call only AWS APIs; there is nothing in a VPC to reach"
    CKV_AWS_120 = "the partner API takes orders (writes); there is nothing to cache"
  }
  // The back office reads orders directly; the warehouse team's stack
  // imports the bus to add its own rules.
  outputs {
    OrdersTable = Orders.name
    ShopBusArn  = { value = Shop.arn, export = "shop-bus-arn", description = "The bus order events are put on" }
  }
  // Every default alarm (errors, dead-letter queues, 5xx, ...) tells on-call.
  alarms { notify = Ops }
}

use "./events.sls"

bus Shop { description = "Order lifecycle: placed, paid, payment failed" }

// Customers list their orders newest first through `byCustomer`.
table Orders {
  key = { orderId: string }
  indexes { byCustomer = { customerId: string, placedAt: number } }
}

table Inventory {
  key = { sku: string }
}

// Order acceptance is buffered so that a slow payment provider never slows
// down the storefront.
queue IncomingOrdersDlq { retention = 14d }

queue IncomingOrders of NewOrder {
  visibility_timeout = 120s
  retention          = 4d
  dead_letter        = IncomingOrdersDlq after 5 receives
}

// Payments keep per-order ordering: FIFO, with a FIFO dead-letter queue.
queue PaymentsDlq { fifo = true, retention = 14d }

queue Payments of PaymentRequest {
  fifo               = true
  visibility_timeout = 180s
  dead_letter        = PaymentsDlq after 3 receives
}

queue EventDlq { retention = 14d }
queue AsyncFailures { retention = 14d }

// Customers subscribe by email and SMS from the account settings page,
// outside this spec.
topic CustomerNotifications { external = true }

// The payment provider's API key lives in Secrets Manager; the function gets
// its name and reads it at run time.
secret PaymentProviderKey {
  name = "shop/payment-provider-key"
}

function AcceptOrder {
  handler = "accept.handler"
  code    = "src"
  timeout = 5s
  env { QUEUE_URL = IncomingOrders.url }
  sends NewOrder to IncomingOrders
}

function Health {
  handler = "health.handler"
  code    = "src"
  memory  = 128MB
  timeout = 3s
}

function ProcessOrder {
  handler = "process.handler"
  code    = "src"
  timeout = 15s
  env {
    TABLE        = Orders.name
    PAYMENTS_URL = Payments.url
  }
  on IncomingOrders { batch = 50, window = 5s, partial_failures = true }
  writes Orders
  sends PaymentRequest to Payments
}

function ChargePayment {
  handler = "payments.charge"
  code    = "src"
  timeout = 30s
  env { TABLE = Orders.name, BUS = Shop.name, PROVIDER_KEY_SECRET = PaymentProviderKey.name }
  on Payments { batch = 10, partial_failures = true }
  reads Orders, PaymentProviderKey
  emits PaymentSettled, PaymentFailed to Shop
}

function ReserveStock {
  handler    = "inventory.reserve"
  code       = "src"
  env { TABLE = Inventory.name }
  reads Inventory
  writes Inventory
  retries    = 1
  on_failure = AsyncFailures
}

function ShipOrder {
  handler       = "shipping.ship"
  code          = "src"
  env { TABLE = Orders.name, TOPIC = CustomerNotifications.arn }
  reads Orders
  publishes to CustomerNotifications
  max_event_age = 2h
  on_failure    = AsyncFailures
}

function NotifyPaymentFailed {
  handler    = "notify.payment_failed"
  code       = "src"
  env { TOPIC = CustomerNotifications.arn }
  publishes to CustomerNotifications
  on_failure = AsyncFailures
}

// Customers order through the storefront (JWT sign-in). HTTP APIs cannot
// validate bodies: `AcceptOrder` checks the `NewOrder` body itself.
api Storefront http {
  auth = jwt { issuer = "https://auth.shop.example.com", audience = ["storefront"] }
  cors { origins = ["https://shop.example.com"], methods = [GET, POST], max_age = 10m }
  POST /orders -> AcceptOrder {
    body = NewOrder, traffic = 5/s
    responses { 202 = Accepted, 400 = Problem }
  }
  GET  /health -> Health { auth = none, traffic = 1/m }
}

// Partners send orders server to server, signed with their IAM role; API
// Gateway rejects any body that is not a valid `NewOrder` before it reaches
// the function.
// Its access logs need the account's API Gateway CloudWatch role (set once
// per account and region; see docs/language.md, `api`).
api Partners rest {
  auth        = iam
  access_logs = true
  POST /partner/orders -> AcceptOrder {
    body = NewOrder
    query { dryRun?: bool }
    responses { 202 = Accepted, 400 = Problem }
  }
}

rule ReserveOnPayment on Shop {
  match PaymentSettled where amount > 0
  send to ReserveStock
  retry { attempts = 10, max_age = 2h }
  dead_letter = EventDlq
}

rule ShipOnPayment on Shop {
  match PaymentSettled where method in ["card", "wallet"] and (express = true or amount >= 25)
  send to ShipOrder
  dead_letter = EventDlq
}

rule PaymentProblems on Shop {
  match PaymentFailed where reason prefix "card_"
  send to NotifyPaymentFailed
  dead_letter = EventDlq
}

// The on-call engineers: where the alarms go.
topic Ops {
  subscribers { email = ["oncall-shop@example.com"] }
}
