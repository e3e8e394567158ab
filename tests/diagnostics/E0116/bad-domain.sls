// E0116: without the condition the domain would have no certificate
app shop {
  runtime = "python3.13"
}

param CertArn string { default = "none" }

condition HasCert = CertArn != "none"

function Hello {
  handler = "hello.handler"
}

api Shop rest {
  auth = none
  domain {
    name        = "api.example.com"
    certificate = CertArn if HasCert
  }
  GET / -> Hello
}
