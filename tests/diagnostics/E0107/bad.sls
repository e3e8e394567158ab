// E0107: table `Carts` has no `key`, and DynamoDB needs a partition key
app shop {
  runtime = "python3.13"
}

table Carts {
  billing = on_demand
}

function AddToCart {
  handler = "cart.add"
  writes Carts
}

api Storefront http {
  auth = iam
  POST /cart/items -> AddToCart
}
