// W0508 fixed: the policy names its actions and resources.
resource Deployer "AWS::IAM::User" {
  properties = {
    Policies = [{
      PolicyName = "deploy"
      PolicyDocument = {
        Version = "2012-10-17"
        Statement = [{ Effect = "Allow", Action = ["cloudformation:DescribeStacks"], Resource = "${AWS::StackId}" }]
      }
    }]
  }
}
