// A REST API with typed bodies, parameters and responses, for the OpenAPI
// and schema checks in CI.
app a { runtime = "python3.13" }
type NewOrder {
  sku: string(min_length = 3)
  qty: int(min = 1, max = 99)
}
type Order { id: string, sku: string, qty: int }
type Problem { message: string }

function Create { handler = "a.b" }
function Get { handler = "a.c" }
api Partners rest {
  auth = iam
  cors { origins = ["https://partners.example.com"], methods = [GET, POST] }
  POST /orders -> Create {
    body = NewOrder
    responses { 201 = Order, 400 = Problem }
  }
  GET /orders/{id} -> Get {
    params { id: string }
    query { verbose?: bool }
    responses { 200 = Order, 404 = Problem }
  }
}
