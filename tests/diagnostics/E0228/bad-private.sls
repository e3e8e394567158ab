// E0228: a private API under a public custom domain.
app shop {
  runtime = "python3.13"
}

function Orders { handler = "orders.handler" }

api Internal rest {
  auth     = iam
  endpoint = private
  allow_from { vpc_endpoints = ["vpce-0123456789abcdef0"] }
  domain {
    name        = "internal.example.com"
    certificate = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789"
  }
  GET /orders -> Orders
}
