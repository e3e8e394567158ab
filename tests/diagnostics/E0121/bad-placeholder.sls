// E0121: `${stage}` in a spec without stages
queue Orders {
  name = "orders-${stage}"
}
