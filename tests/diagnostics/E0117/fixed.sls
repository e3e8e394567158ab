// E0117 fixed: compared with an allowed value.
param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Stage == "prod"

queue Audit {
  when = IsProd
}
