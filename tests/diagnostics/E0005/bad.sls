// E0005: `use aws.lambda` names a module the standard library does not have
use aws.lambda

app shop {
  runtime = "python3.13"
}

queue Shipments {
  visibility_timeout = 60s
}

function Ship {
  handler = "shipping.handler"
  timeout = 10s
  on Shipments { batch = 10, partial_failures = true }
}
