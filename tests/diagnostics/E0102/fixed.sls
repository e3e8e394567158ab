// E0102 fixed: the second queue has its own name, and is the first one's dead-letter queue.
app mailer {
  runtime = "python3.13"
}

queue Emails {
  visibility_timeout = 60s
  dead_letter        = EmailsDlq after 5 receives
}

queue EmailsDlq {
  retention = 14d
}

function SendEmail {
  handler = "mail.send"
  timeout = 10s
  on Emails
}
