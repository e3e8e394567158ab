// E0201: a bus outside the stack is named by its full ARN
app shop { runtime = "python3.13" }

bus Central { arn = "arn:aws:events:eu-west-1:1111-2222-3333:event-bus/central" }

event OrderPlaced from "shop.orders" external { orderId: string }

queue RuleDlq { retention = 14d }

rule Forward on default {
  match OrderPlaced
  send to Central
  dead_letter = RuleDlq
}
