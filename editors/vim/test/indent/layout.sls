// Reindenting this file with gg=G must leave it as it is.
app shop {
  runtime = "python3.13" // a comment with a { brace
  tags { team = "shop", url = "https://x.example.com/{id}" }
}

type LineItem {
  sku: string
  size: {
    width: int
    height: int
  }
}

function Worker {
  handler = "worker.main"
  env {
    TABLE = Orders.name
  }
  reads Orders,
    Sessions
  on Jobs {
    batch = 10
  }
}

rule Big on default {
  match OrderPlaced where total > 10
    and status in [
      "new",
      "paid"
    ]
    or coupon exists
  send to Q
  retry {
    attempts = 8
  }
}

api Public http {
  cors {
    origins = [
      "https://shop.example.com",
    ]
  }
  GET /orders/{id} -> GetOrder {
    params { id: string }
  }
}
