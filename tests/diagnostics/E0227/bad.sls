// E0227: the certificate is given by its ID rather than its ARN.
app shop {
  runtime = "python3.13"
}

function Orders { handler = "orders.handler" }

api Public http {
  auth = none
  domain {
    name        = "api.example.com"
    certificate = "0a1b2c3d-4e5f-6789-abcd-ef0123456789"
    zone        = "Z0123456789ABCDEFGHIJ"
  }
  GET /orders -> Orders
}
