// E0227 fixed: the certificate's ARN, the zone's ID and the endpoint's ID.
app shop {
  runtime = "python3.13"
}

function Orders { handler = "orders.handler" }

api Public http {
  auth = none
  domain {
    name        = "api.example.com"
    certificate = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789"
    zone        = "Z0123456789ABCDEFGHIJ"
  }
  GET /orders -> Orders
}

api Internal rest {
  auth     = iam
  endpoint = private
  allow_from { vpc_endpoints = ["vpce-0123456789abcdef0"] }
  GET /internal/orders -> Orders
}
