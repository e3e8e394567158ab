// E0107 fixed: the table declares its key: partition key `cartId`, sort key `sku`.
app shop {
  runtime = "python3.13"
}

table Carts {
  key     = { cartId: string, sku: string }
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
