// E0114: `AWS::CloudFront::Distributon` is not a CloudFormation type (a typo)
resource Cdn "AWS::CloudFront::Distributon" {
  properties = {
    DistributionConfig = {
      Enabled = true
      DefaultCacheBehavior = { TargetOriginId = "site", ViewerProtocolPolicy = "redirect-to-https" }
      Origins = [{ Id = "site", DomainName = "example.com", CustomOriginConfig = { OriginProtocolPolicy = "https-only" } }]
    }
  }
}
