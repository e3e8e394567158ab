// W0216: a name made of parameters slsc cannot bound: it may not fit
app shop { runtime = "python3.13" }

param Stage string { default = "dev" }

queue Payments {
  name        = "${AWS::StackName}-${Stage}-payments"
  dead_letter = drop { reason = "payments are retried by the provider" }
  external    = true
}

function Charge {
  handler = "charge.handler"
  name    = "${AWS::StackName}-charge"
  on Payments { batch = 10, partial_failures = true }
}
