// E0229 fixed: the VPC endpoint the private API admits.
app shop {
  runtime = "python3.13"
}

function Orders { handler = "orders.handler" }

api Internal rest {
  auth     = iam
  endpoint = private
  allow_from { vpc_endpoints = ["vpce-0123456789abcdef0"] }
  GET /orders -> Orders
}
