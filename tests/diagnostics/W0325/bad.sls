// W0325: 950 reserved executions; an account with the default quota of
// 1,000 can reserve 900 (Lambda keeps 100 unreserved)
app batch {
  runtime = "python3.13"
}

function Import {
  handler     = "import.handler"
  concurrency = 600
}

function Export {
  handler     = "export.handler"
  concurrency = 350
}

api Batch http {
  auth = iam
  POST /import -> Import
  POST /export -> Export
}
