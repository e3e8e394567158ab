// E0107: a parameter that gives a function's memory needs a default to check the app with
app shop { runtime = "python3.13" }

param Memory number { min = 128, max = 3008 }

function Report {
  handler  = "report.handler"
  memory   = Memory
  external = true
}
