// E0117: none of the listed values is one `Stage` may take
param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition Deployed = Stage in ["staging", "production"]

queue Audit {
  when = Deployed
}
