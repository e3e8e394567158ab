// E0227: a VPC endpoint named by its DNS name rather than its ID.
app shop {
  runtime = "python3.13"
}

function Orders { handler = "orders.handler" }

api Internal rest {
  auth     = iam
  endpoint = private
  allow_from { vpc_endpoints = ["vpce-0123456789abcdef0-abcdefgh.execute-api.eu-west-1.vpce.amazonaws.com"] }
  GET /orders -> Orders
}
