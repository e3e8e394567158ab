// Request mappings of direct routes, in both kinds of API: the spec the
// mapping tests build (compiler/tests/mapping.rs).
app shop {
  runtime              = "python3.13"
  account_logging_role = true
}

type NewOrder { sku: string, qty: int, note?: string }
type Start    { order: NewOrder, method: string, caller: string, at: int }
type Order    { orderId: string, sku: string, qty: int, note?: string }
type Orders   { orders: [Order] }

event OrderPlaced from "shop.orders" { sku: string, qty: int, by: string }

queue Work of NewOrder { dead_letter = drop { reason = "a demo" } }
bus Shop
table OrderTable {
  key     = { orderId: string }
  indexes { bySku = { sku: string, qty: number } }
}
bucket Files

state_machine Fulfil {
  type       = express
  definition = "flow.asl.json"
  input      = Start
}

function Worker {
  handler = "work.handle"
  on Work { partial_failures = true }
}
function Authorize { handler = "auth.check" }
function Audit {
  handler    = "audit.log"
  on_failure = drop { reason = "a demo" }
}

rule Placed on Shop {
  match OrderPlaced
  send to Audit
  dead_letter = drop { reason = "a demo" }
}

api Back rest {
  auth               = lambda { function = Authorize, token = "Authorization" }
  binary_media_types = ["image/png"]
  POST /orders -> send to Fulfil {
    body  = NewOrder
    input = { order = body, method = request.method, caller = authorizer.principalId, at = request.time_epoch }
  }
  POST /work/{sku} -> send to Work {
    message = { sku = path.sku, qty = 1, note = header.note }
  }
  POST /placed -> send OrderPlaced to Shop {
    body   = NewOrder
    detail = { sku = body.sku, qty = body.qty, by = authorizer.principalId }
  }
  POST /raw -> send to Shop {
    source      = "shop.raw"
    detail_type = query.kind
  }
  GET /echo -> "https://echo.example.com/" {
    headers = { "X-Caller" = authorizer.principalId, "X-Source" = "shop" }
  }
  POST /items -> OrderTable.put {
    body = NewOrder
    item = { orderId = request.id, sku = body.sku, qty = body.qty, note = body.note }
  }
  GET /items/{id} -> OrderTable.get {
    key = { orderId = path.id }
    responses { 200 = Order }
  }
  GET /skus/{sku} -> OrderTable.query {
    index = "bySku"
    key   = { sku = path.sku }
    responses { 200 = Orders }
  }
  DELETE /items/{id} -> OrderTable.delete {
    key = { orderId = path.id }
  }
  GET /files/{key+} -> Files.get {
    prefix = "public/"
    key    = path.key
  }
  PUT /files/{key+} -> Files.put {
    prefix = "public/"
    key    = path.key
  }
}

api Front http {
  auth = jwt { issuer = "https://auth.example.com", audience = ["shop"] }
  POST /orders -> send to Work {
    message = body.order
  }
  GET /echo -> "https://echo.example.com/" {
    headers = { "X-User" = authorizer.sub }
  }
}
