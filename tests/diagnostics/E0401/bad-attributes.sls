// E0401: a message attribute is one value: it has no fields to test
app shop { runtime = "python3.13" }

queue Audit { retention = 14d }
queue AuditDlq { retention = 14d }

topic Events {
  external = true
  subscribe Audit where order.kind = "refund" { filter_on = attributes, dead_letter = AuditDlq }
}

function Reader {
  handler = "reader.handler"
  on Audit { batch = 10, partial_failures = true }
}
