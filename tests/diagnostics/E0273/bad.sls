// E0273: log levels on text logs, on the app and on a function
app shop {
  runtime   = "python3.13"
  log_level = info
}

function Checkout {
  handler          = "checkout.handler"
  log_format       = text
  system_log_level = warn
}
