// E0011 fixed: saved as UTF-8 (with a byte order mark, which is ignored): café.
queue CafeOrders {
  retention = 14d
}
