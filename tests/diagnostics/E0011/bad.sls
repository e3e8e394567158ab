// E0011: a name saved as Latin-1, not UTF-8.
queue Orders {
  retention = 14d
}

queue CaféOrders
