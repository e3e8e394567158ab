// Custom domains and private APIs in both targets: a REST API under an
// edge-optimized domain given by parameters, an HTTP API under a domain
// whose certificate slsc creates (validated in a hosted zone declared as a
// resource), a private REST API admitting one VPC endpoint and one VPC, and
// a regional REST API admitting an IP range.

app edge {
  runtime = "python3.13"
  tags { team = "platform" }
  outputs {
    ShopSite = { value = Shop.domain_url, description = "The shop's API" }
  }
}

param ShopDomainName string { description = "Domain name of the shop API" }
param ShopCertArn string { description = "ACM certificate (us-east-1) of the shop API" }
param ShopZone string { description = "Hosted zone of the shop's domain" }
param CallerVpc string { description = "VPC of the internal callers" }

resource Zone "AWS::Route53::HostedZone" {
  properties = { Name = "partners.example.com" }
}

resource ApiEndpoint "AWS::EC2::VPCEndpoint" {
  properties = {
    VpcId             = CallerVpc
    ServiceName       = "com.amazonaws.${AWS::Region}.execute-api"
    VpcEndpointType   = "Interface"
    PrivateDnsEnabled = true
  }
}

function Orders { handler = "orders.handler" }

api Shop rest {
  auth = none
  domain {
    name        = ShopDomainName
    certificate = ShopCertArn
    zone        = ShopZone
    endpoint    = edge
  }
  GET /orders -> Orders
}

api Partners http {
  auth = iam
  domain {
    name        = "api.partners.example.com"
    certificate = create
    zone        = Zone
    base_path   = "v1"
  }
  GET /orders -> Orders
}

api Internal rest {
  auth     = iam
  endpoint = private
  allow_from {
    vpc_endpoints = [ApiEndpoint]
    vpcs          = [CallerVpc]
  }
  GET /orders -> Orders
}

api Office rest {
  auth = iam
  allow_from { ips = ["203.0.113.0/24", "2001:db8::/32"] }
  GET /orders -> Orders
}
