// W0325 fixed: the reservations leave the account 100 unreserved executions
app batch {
  runtime = "python3.13"
}

function Import {
  handler     = "import.handler"
  concurrency = 600
}

function Export {
  handler     = "export.handler"
  concurrency = 300
}

api Batch http {
  auth = iam
  POST /import -> Import
  POST /export -> Export
}
