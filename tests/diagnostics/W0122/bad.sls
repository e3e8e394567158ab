// W0122: the same queue name in two stages that may share an account
stage dev
stage prod

queue Orders {
  name = "shop-orders"
}
