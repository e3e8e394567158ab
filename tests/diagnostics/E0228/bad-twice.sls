// E0228: two APIs under one domain name.
app shop {
  runtime = "python3.13"
}

function Orders { handler = "orders.handler" }

api Public http {
  auth = none
  domain {
    name        = "api.example.com"
    certificate = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789"
  }
  GET /orders -> Orders
}

api Partners rest {
  auth = iam
  domain {
    name        = "api.example.com"
    certificate = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789"
  }
  GET /orders -> Orders
}
