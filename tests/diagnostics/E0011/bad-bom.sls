// E0011: a BOM is fine; the Latin-1 comment is not: café.
queue Orders {
  retention = 14d
}
