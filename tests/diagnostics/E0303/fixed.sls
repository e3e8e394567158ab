// E0303 fixed: the dead-letter queue of a FIFO queue is FIFO too.
app payments {
  runtime = "python3.13"
}

queue PaymentsDlq {
  fifo      = true
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
