stage dev
stage prod

queue Orders {
  name = "shop-orders-${stage}"
}
