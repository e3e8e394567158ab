// E0504: a PEM private key
app shop {
  runtime = "python3.13"
}

queue Invoices {
  external    = true
  dead_letter = drop { reason = "unbilled orders are billed again in the nightly run" }
}

function BillOrders {
  handler = "billing.handler"
  env {
    SIGNER = "-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA7\\n-----END RSA PRIVATE KEY-----"
  }
  on Invoices { batch = 1 }
}
