// E0504 fixed: the environment holds only references to secrets: a secret's
// ARN, a Secrets Manager name, an SSM parameter path, a URL without a
// password, a token's lifetime; the code fetches the secrets at run time.
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
    DB_HOST          = "billing.cluster-c9x2.us-east-1.rds.amazonaws.com"
    DB_LOGIN_ARN     = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"
    DB_PASSWORD_NAME = "prod/db-password"
    API_KEY_PARAM    = "/shop/billing/api-key"
    PAYMENT_SECRET   = "shop/payment-provider-key"
    DATABASE_URL     = "postgres://billing@db.internal:5432/billing"
    TOKEN_TTL        = "3600"
    PASSWORD_POLICY  = "strong"
  }
  allow "secretsmanager:GetSecretValue" on "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"
  on Invoices { batch = 1 }
}
