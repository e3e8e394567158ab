// E0201: exports are strings: an imported value is a string parameter
app shop { runtime = "python3.13" }

param Limit number { import = "core-Limit" }

function Read {
  handler  = "read.handler"
  env { LIMIT = "${Limit}" }
  external = true
}
