// E0001: HTTP methods are upper case: `post` is read as `POST`
app shop {
  runtime = "python3.13"
}

function CreateOrder {
  handler = "orders.create"
}

api Public http {
  auth = iam
  post /orders -> CreateOrder
}
