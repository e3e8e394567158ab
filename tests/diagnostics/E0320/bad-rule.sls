// E0320: the rule's target emits the very event the rule matches, on the
// same bus; EventBridge loops are not stopped by AWS
app orders {
  runtime = "python3.13"
}

event OrderUpdated from "orders" {
  orderId: string
  status:  "new" | "paid" | "shipped"
}

bus Orders
queue RuleDlq { retention = 14d }

function Advance {
  handler    = "advance.handler"
  emits OrderUpdated to Orders
  on_failure = RuleDlq
}

rule OnUpdate on Orders {
  match OrderUpdated where status = "new"
  send to Advance
  dead_letter = RuleDlq
}
