// E0501: `ExportOrders` reaches `Orders` only through a hand-written
// wildcard `allow`: its code works, but the grant is far wider than
// `reads Orders` would be
app shop {
  runtime = "python3.13"
}

table Orders {
  key = { orderId: string }
}

schedule Nightly every 1d -> ExportOrders {
  retry { max_age = 1h }
  dead_letter = drop { reason = "the next night's export includes the missed orders" }
}

function ExportOrders {
  handler       = "exports.handler"
  max_event_age = 1h
  on_failure    = drop { reason = "the next night's export includes the missed orders" }
  env { TABLE = Orders.name }
  allow "dynamodb:*" on "*" { acknowledge = "migrating from the old stack; replaced by verbs next sprint" }
}
