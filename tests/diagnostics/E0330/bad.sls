// E0330: EventBridge delivers to a FIFO queue only when the queue
// deduplicates by content
app payments {
  runtime = "python3.13"
}

event PaymentSettled from "payments" external {
  orderId: string
}

queue RuleDlq { retention = 14d }
queue SettledDlq { fifo = true, retention = 14d }
queue Settled {
  fifo               = true
  visibility_timeout = 60s
  dead_letter        = SettledDlq after 5 receives
}

function Record {
  handler = "record.handler"
  on Settled { batch = 1 }
}

rule OnSettled on default {
  match PaymentSettled
  send to Settled
  dead_letter = RuleDlq
}
