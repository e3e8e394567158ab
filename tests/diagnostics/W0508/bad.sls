// W0508: a raw IAM user whose inline policy allows every S3 action on everything
resource Deployer "AWS::IAM::User" {
  properties = {
    Policies = [{
      PolicyName = "deploy"
      PolicyDocument = {
        Version = "2012-10-17"
        Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }]
      }
    }]
  }
}
