// W0216 fixed: the stage takes known values, so every name is checked
app shop { runtime = "python3.13" }

param Stage string {
  default = "dev"
  allowed = ["dev", "staging", "prod"]
}

queue Payments {
  name        = "shop-${Stage}-payments"
  dead_letter = drop { reason = "payments are retried by the provider" }
  external    = true
}

function Charge {
  handler = "charge.handler"
  name    = "shop-${Stage}-charge"
  on Payments { batch = 10, partial_failures = true }
}
