// E0114 fixed: the type is spelled as CloudFormation names it.
resource Cdn "AWS::CloudFront::Distribution" {
  properties = {
    DistributionConfig = {
      Enabled = true
      DefaultCacheBehavior = { TargetOriginId = "site", ViewerProtocolPolicy = "redirect-to-https" }
      Origins = [{ Id = "site", DomainName = "example.com", CustomOriginConfig = { OriginProtocolPolicy = "https-only" } }]
    }
  }
}
