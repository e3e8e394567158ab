// E0411: `CancelOrder` sends a `Refund` to `Payments`, a queue of `PaymentRequest` messages
app shop {
  runtime = "python3.13"
}

type PaymentRequest {
  orderId: string
  amount:  number
}

type Refund {
  orderId: string
  amount:  number
  reason:  string
}

queue Payments of PaymentRequest
queue Refunds of Refund

function CancelOrder {
  handler = "orders.cancel"
  sends Refund to Payments
}

api Storefront http {
  auth = iam
  POST /orders/{id}/cancel -> CancelOrder
}

function Charge {
  handler = "payments.charge"
  on Payments
}

function IssueRefund {
  handler = "payments.refund"
  on Refunds
}
