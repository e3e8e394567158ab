// E0504 fixed: the environment holds the secret's ARN; the code fetches the password at run time.
app shop {
  runtime = "python3.13"
}

queue Invoices

function BillOrders {
  handler = "billing.handler"
  env {
    DB_HOST      = "billing.cluster-c9x2.us-east-1.rds.amazonaws.com"
    DB_LOGIN_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"
  }
  allow "secretsmanager:GetSecretValue" on "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"
  on Invoices
}
