// E0011 fixed: saved as UTF-8: café.
queue CafeOrders {
  retention = 14d
}
