// W0506: api `Public` has `auth = none`, so anyone may place an order with `POST /orders`
app shop {
  runtime = "python3.13"
}

function ListProducts {
  handler = "products.list"
}

function PlaceOrder {
  handler = "orders.place"
}

api Public http {
  auth = none
  GET  /products -> ListProducts
  POST /orders   -> PlaceOrder
}
