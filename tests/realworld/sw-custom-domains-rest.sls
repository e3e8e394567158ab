// sessions-with-aws-sam custom-domains rest: a REST API, GET / to a
// function, served under a custom domain (`domain`: the API Gateway
// domain name, its base path mapping and the Route 53 alias record) whose
// name, ACM certificate and hosted zone are parameters. As in the
// original, the hosted zone and the certificate (DNS-validated) are
// created when their parameters are left `none`: deploy-time
// `condition`s, `resource`s under them (`when`), and the domain's
// `certificate` and `zone` chosen with `if ... else`. Other differences: the
// code is a folder rather than InlineCode; nodejs16.x can no longer be used
// to create functions, so the spec uses nodejs22.x; the API gets X-Ray
// tracing; the domain requires TLS 1.2; the domain's URL is an output.

app custom_domain_rest {
  runtime = "nodejs22.x"
  acknowledge {
    CKV_AWS_76 = "REST access logs need the account-wide API Gateway CloudWatch role, which this demo does not set"
    CKV_AWS_115 = "reserved concurrency is left to the account's limit, as in the original"
    CKV_AWS_116 = "asynchronous failures go to on_failure destinations (Lambda destinations, not the older DeadLetterConfig); the other functions are invoked synchronously or by event source mappings"
    CKV_AWS_117 = "the functions call only AWS APIs, as in the original: there is nothing in a VPC to reach"
    CKV_AWS_120 = "responses are computed per request, as in the original: nothing to cache"
    CKV_AWS_59 = "a public demo endpoint, as in the original"
  }
}

param DomainName string { description = "Domain name for the API" }
param ZoneId string {
  description = "Zone ID if exists. If not leave as none."
  default     = "none"
}
param CertArn string {
  description = "Certificate ARN if exists. If not leave as none."
  default     = "none"
}

condition CreateZone = ZoneId == "none"
condition CreateCert = CertArn == "none"

// If a zone ID is not passed in the parameters, a new zone is created for the domain.
resource GeneratedZone "AWS::Route53::HostedZone" {
  when       = CreateZone
  properties = { Name = "${DomainName}" }
}

// If a certificate ARN is not passed in the parameters, a new certificate
// is created, validated by DNS during the deploy.
resource GeneratedCert "AWS::CertificateManager::Certificate" {
  when       = CreateCert
  properties = {
    DomainName       = "${DomainName}"
    ValidationMethod = "DNS"
  }
}

function RestApiFunction {
  handler = "index.handler"
  code    = "src"
}

api RestApiGateway rest {
  stage_name = "Prod"
  auth = none
  domain {
    name        = DomainName
    certificate = GeneratedCert if CreateCert else CertArn
    zone        = GeneratedZone if CreateZone else ZoneId
  }
  GET / -> RestApiFunction
}
