// E0229: a private API admitting callers by public IP address.
app shop {
  runtime = "python3.13"
}

function Orders { handler = "orders.handler" }

api Internal rest {
  auth     = iam
  endpoint = private
  allow_from { ips = ["203.0.113.0/24"] }
  GET /orders -> Orders
}
