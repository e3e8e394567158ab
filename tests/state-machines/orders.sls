// A small state machine for the end-to-end test (compiler/tests/state_machines.rs):
// a rule and a schedule start it; its tasks invoke a function, write a
// table, send to a queue and publish to a topic, inside Parallel and Map
// states; a child Express workflow is started and awaited. Two APIs start
// the Express one directly (a synchronous run that answers with its output).

app orders {
  runtime = "python3.13"
}

event OrderPlaced external {
  id: string
}

function Validate {
  handler = "app.validate"
  code    = "src"
}

table Orders {
  key     = { id: string }
  indexes { byCustomer = { customer: string } }
}

queue Shipping {}

topic Receipts {
  external = true
}

state_machine Fulfil {
  definition  = "fulfil.asl.json"
  name        = "fulfil-orders"
  description = "Validates, stores and ships an order"
  input       = OrderPlaced
  log_retention = 14d
}

state_machine Audit {
  type       = express
  definition = "audit.asl.json"
  log_level  = error
  tracing    = passthrough
}

rule OnOrder on default {
  match OrderPlaced
  send to Fulfil
  dead_letter = Failed
}

schedule Nightly every 1d -> Fulfil {
  dead_letter = Failed
}

queue Failed {}

type AuditRequest {
  customer: string
}

api Back rest {
  auth = iam
  POST /audit -> send AuditRequest to Audit
}

api Front http {
  auth = iam
  POST /audit -> send to Audit { body = AuditRequest }
}
