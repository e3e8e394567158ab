// E0503: a bucket policy that lets an AWS service in for any account and any resource
app site { runtime = "python3.13" }

bucket Site {
  policy = [{
    Effect    = "Allow"
    Principal = { Service = "cloudfront.amazonaws.com" }
    Action    = "s3:GetObject"
    Resource  = "arn:${AWS::Partition}:s3:::${Site}/*"
  }]
}
