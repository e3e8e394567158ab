// E0118: each condition is defined through the other
param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = not IsDev
condition IsDev = not IsProd

queue Audit {
  when = IsProd
}
