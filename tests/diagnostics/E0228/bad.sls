// E0228: an edge-optimized domain with a certificate outside us-east-1.
app shop {
  runtime = "python3.13"
}

function Orders { handler = "orders.handler" }

api Public rest {
  auth = none
  domain {
    name        = "api.example.com"
    certificate = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789"
    endpoint    = edge
  }
  GET /orders -> Orders
}
