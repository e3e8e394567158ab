// E0102: a queue was copied for its dead-letter queue and kept the name `Emails`
app mailer {
  runtime = "python3.13"
}

queue Emails {
  visibility_timeout = 60s
}

queue Emails {
  retention = 14d
}

function SendEmail {
  handler = "mail.send"
  timeout = 10s
  on Emails
}
