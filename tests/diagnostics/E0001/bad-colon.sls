// E0001: a property written `name: value`, YAML style; it is read as `timeout = 10s`
app shop {
  runtime = "python3.13"
}

function Report {
  handler = "report.build"
  timeout: 10s
}

api Public http {
  auth = iam
  GET /report -> Report
}
