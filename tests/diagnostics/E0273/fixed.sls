// E0273 fixed: JSON logs, whose records Lambda filters by level
app shop {
  runtime    = "python3.13"
  log_format = json
  log_level  = info
}

function Checkout {
  handler          = "checkout.handler"
  system_log_level = warn
}
