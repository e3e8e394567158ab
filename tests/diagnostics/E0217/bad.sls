// E0217: SnapStart on a Node.js function (the app's default runtime);
// SnapStart supports Java 11+, Python 3.12+ and .NET 8+ only
app shop { runtime = "nodejs22.x" }

function Quote {
  handler    = "quote.handler"
  snap_start = true
  external   = true
}
