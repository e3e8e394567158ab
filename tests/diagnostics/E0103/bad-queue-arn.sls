// E0103: a rule cannot deliver to a queue outside the stack
app shop { runtime = "python3.13" }

queue Shared { arn = "arn:aws:sqs:us-east-1:111122223333:shared-orders" }
queue RuleDlq { retention = 14d }

event OrderPlaced from "shop.orders" { orderId: string }

rule Forward on default {
  match OrderPlaced
  send to Shared
  dead_letter = RuleDlq
}
