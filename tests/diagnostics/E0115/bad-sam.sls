// E0115: SAM resources are never written raw (the CloudFormation target has no transform)
resource Worker "AWS::Serverless::Function" {
  properties = { Handler = "worker.handler", Runtime = "python3.13", CodeUri = "src" }
}
