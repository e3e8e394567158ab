// Lambda layers: one built from a folder of the spec, one from a built
// package in S3, and an existing one (Lambda Insights) by ARN, used by two
// functions of different architectures.

app layered {
  runtime      = "python3.13"
  architecture = arm64
  acknowledge {
    CKV_AWS_115 = "a test of layers: concurrency is left to the account limit"
    CKV_AWS_116 = "a test of layers: the functions are invoked synchronously"
    CKV_AWS_117 = "a test of layers: the functions call nothing in a VPC"
  }
}

param InsightsVersion string { default = "53" }

layer Shared {
  code          = "layers/shared"
  runtimes      = ["python3.12", "python3.13"]
  architectures = [arm64, x86_64]
  license       = "MIT"
  description   = "Helpers shared by the functions"
  name          = "layered-shared"
}

layer Vendor {
  code          = "s3://my-artifacts/layers/vendor-1.4.zip?versionId=3HL4kqtJlcpXroDTDmJ"
  runtimes      = ["python3.13"]
  architectures = [arm64]
  on_delete     = delete { reason = "rebuilt from the artifacts bucket" }
}

layer Insights {
  arn = "arn:aws:lambda:${AWS::Region}:580247275435:layer:LambdaInsightsExtension-Arm64:${InsightsVersion}"
}

function Greet {
  handler  = "app.handler"
  code     = "src"
  layers   = [Shared, Vendor, Insights]
  external = true
}

function Report {
  handler      = "app.report"
  code         = "src"
  architecture = x86_64
  layers       = [Shared]
  external     = true
}
