// E0201: a timeout takes a number parameter, not a string one
app shop { runtime = "python3.13" }

param Timeout string { default = "30" }

function Report {
  handler  = "report.handler"
  timeout  = Timeout
  external = true
}
