// E0303: FIFO queue `Payments` names a standard queue as its dead-letter queue
app payments {
  runtime = "python3.13"
}

queue PaymentsDlq {
  retention = 14d
}

queue Payments {
  fifo               = true
  visibility_timeout = 2m
  dead_letter        = PaymentsDlq after 5 receives
}

function Charge {
  handler = "payments.charge"
  timeout = 20s
  on Payments
}
