// E0227: the hosted zone is written with Route 53's `/hostedzone/` prefix.
app shop {
  runtime = "python3.13"
}

function Orders { handler = "orders.handler" }

api Public http {
  auth = none
  domain {
    name        = "api.example.com"
    certificate = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789"
    zone        = "/hostedzone/Z0123456789ABCDEFGHIJ"
  }
  GET /orders -> Orders
}
