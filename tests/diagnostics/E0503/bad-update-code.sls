// E0503: `lambda:Update*` on every function lets the deployer replace any
// function's code and run with that function's role
app shop {
  runtime = "python3.13"
}

queue Releases {
  external    = true
  dead_letter = drop { reason = "a release is requested again from the pipeline" }
}

function Deploy {
  handler = "deploy.handler"
  allow "lambda:Update*" on "arn:aws:lambda:us-east-1:123456789012:function:*"
  on Releases { batch = 1 }
}
