// E0103: a rule cannot publish to a topic outside the stack (only its owner can allow it)
app ops { runtime = "python3.13" }

event Deployed from "ops.deploy" { service: string }

topic Partners { arn = "arn:aws:sns:us-west-2:111122223333:partners" }

queue RuleDlq { retention = 14d }

rule Forward on default {
  match Deployed
  send to Partners
  dead_letter = RuleDlq
}
