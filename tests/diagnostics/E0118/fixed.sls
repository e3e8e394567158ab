// E0118 fixed: one condition tests the parameter, the other negates it.
param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Stage == "prod"
condition IsDev = not IsProd

queue Audit {
  when = IsProd
}

queue Scratch {
  when = IsDev
}
