// serverless-patterns sam-webapp-cognito: a web app served by CloudFront
// from a private S3 bucket (origin access control, cache policy), a Cognito
// user pool and client, and an HTTP API whose POST /api, protected by a JWT
// authorizer on the pool, calls a function that writes to the table Rides.
// Complete. CloudFront (the distribution, its origin access control and
// cache policy) is written with `resource` (unchecked: slsc has no
// CloudFront declaration), and the site bucket's policy admits CloudFront
// for this distribution only, through the bucket's `policy`. The user pool
// keeps user names with email as an alias (`aliases`), as in the original,
// with slsc's defaults (strong passwords, TOTP MFA offered, retained with
// deletion protection). Differences: the site bucket is versioned,
// encrypted and TLS-only; the table is encrypted with the app's KMS key and
// has point-in-time recovery; the API gets access logs; the function may
// write only (DynamoDBWritePolicy, as in the original).

app webapp {
  runtime = "nodejs24.x"
  outputs {
    DynamoDbTable   = { value = DynamoTable.name, description = "DynamoDb Table" }
    HttpApiEndpoint = { value = HttpApi.url, description = "API Endpoint" }
    CognitoUserPoolId       = { value = UserPool.id, export = "UserPool::Id" }
    CognitoUserPoolClientId = { value = UserPool.WildRydesWeb.id, export = "UserPoolClient::Id" }
    Issuer                  = { value = UserPool.issuer, description = "Url used for issuer on HTTP API JWT tokens" }
    WebAppDomain             = CloudfrontDistribution.DomainName
    CloudFrontDistributionId = CloudfrontDistribution.Id
    WebAppS3BucketName       = FrontEndS3Bucket.name
  }
  acknowledge {
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_18  = "the site bucket is read through CloudFront only, as in the original; no server access logs"
    CKV_AWS_68  = "as in the original, the distribution has no WAF web ACL"
    CKV_AWS_86  = "as in the original, the distribution writes no access logs"
    CKV_AWS_174 = "the distribution uses CloudFront's default certificate, as in the original (no custom domain)"
  }
}

userpool UserPool {
  name    = "WildRydes"
  aliases = [email]
  clients { WildRydesWeb = {} }
}

bucket FrontEndS3Bucket {
  policy = [{
    Effect    = "Allow"
    Action    = "s3:GetObject"
    Resource  = "arn:${AWS::Partition}:s3:::${FrontEndS3Bucket}/*"
    Principal = { Service = "cloudfront.amazonaws.com" }
    Condition = {
      StringEquals = {
        "aws:SourceArn"     = "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${CloudfrontDistribution}"
        "aws:SourceAccount" = "${AWS::AccountId}"
      }
    }
  }]
}

resource CloudFrontOriginAccessControl "AWS::CloudFront::OriginAccessControl" {
  properties = {
    OriginAccessControlConfig = {
      Description                   = "S3 Origin Access Control"
      Name                          = "S3OriginAccessControl"
      OriginAccessControlOriginType = "s3"
      SigningBehavior               = "no-override"
      SigningProtocol               = "sigv4"
    }
  }
}

resource CachePolicy "AWS::CloudFront::CachePolicy" {
  properties = {
    CachePolicyConfig = {
      Comment    = "Cache for 3hrs"
      Name       = "3h"
      DefaultTTL = 10800
      MaxTTL     = 10800
      MinTTL     = 10800
      ParametersInCacheKeyAndForwardedToOrigin = {
        CookiesConfig              = { CookieBehavior = "none" }
        EnableAcceptEncodingBrotli = false
        EnableAcceptEncodingGzip   = false
        HeadersConfig              = { HeaderBehavior = "whitelist", Headers = ["x-forwarded-for"] }
        QueryStringsConfig         = { QueryStringBehavior = "whitelist", QueryStrings = ["allowed_query_string_param"] }
      }
    }
  }
}

resource CloudfrontDistribution "AWS::CloudFront::Distribution" {
  properties = {
    DistributionConfig = {
      Comment           = "Cloudfront distribution for serverless webapp"
      DefaultRootObject = "index.html"
      Enabled           = true
      HttpVersion       = "http2"
      Origins = [
        {
          Id                    = "s3-website"
          DomainName            = "${FrontEndS3Bucket}.s3.${AWS::URLSuffix}"
          S3OriginConfig        = { OriginAccessIdentity = "" }
          OriginAccessControlId = CloudFrontOriginAccessControl.Id
        },
        {
          Id                 = "api"
          DomainName         = "${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"
          CustomOriginConfig = { HTTPSPort = 443, OriginProtocolPolicy = "https-only", OriginSSLProtocols = ["TLSv1.2"] }
        },
      ]
      DefaultCacheBehavior = {
        Compress             = true
        AllowedMethods       = ["GET", "HEAD", "OPTIONS"]
        TargetOriginId       = "s3-website"
        ViewerProtocolPolicy = "redirect-to-https"
        CachePolicyId        = "${CachePolicy}"
      }
      CacheBehaviors = [{
        PathPattern          = "/api"
        Compress             = true
        AllowedMethods       = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "DELETE", "PATCH"]
        TargetOriginId       = "api"
        ViewerProtocolPolicy = "redirect-to-https"
        CachePolicyId        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
      }]
    }
  }
}

table DynamoTable {
  key  = { Id: string }
  name = "Rides"
}

function LamdaFunction {
  handler = "app.handler"
  code    = "src"
  writes DynamoTable
}

api HttpApi http {
  description = "Serverless webapp api"
  authorizers {
    OAuth2Authorizer = jwt { issuer = UserPool, audience = [UserPool.WildRydesWeb] }
  }
  auth = OAuth2Authorizer
  cors {
    origins = ["*"]
    methods = [GET, HEAD, OPTIONS]
    headers = ["*"]
  }
  POST /api -> LamdaFunction
}
