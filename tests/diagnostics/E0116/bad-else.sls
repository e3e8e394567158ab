// E0116: a table's stream under a condition has no other value
app shop {
  runtime = "python3.13"
}

param Stage string {
  allowed = ["dev", "prod"]
  default = "dev"
}

condition IsProd = Stage == "prod"

table Orders {
  key    = { id: string }
  stream = new_image if IsProd else keys_only
}
