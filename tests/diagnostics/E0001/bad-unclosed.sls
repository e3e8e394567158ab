// E0001: the body of `Charge` is never closed; the error is at its `{`, not at `queue Payments`
app shop {
  runtime = "python3.13"
}

function Charge {
  handler = "payments.charge"
  timeout = 10s
  on Payments { batch = 1 }

queue Payments {
  visibility_timeout = 60s
  dead_letter = drop { reason = "the payment provider retries on its side" }
}
