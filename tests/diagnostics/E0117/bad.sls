// E0117: `Stage` is "dev" or "prod": it is never "production"
param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Stage == "production"

queue Audit {
  when = IsProd
}
