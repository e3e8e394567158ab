// E0105: `Actions` is not a key of a policy statement
app shop { runtime = "python3.13" }

queue Inbox {
  external    = true
  dead_letter = drop { reason = "partners resend" }
  policy = [{
    Effect    = "Allow"
    Principal = { AWS = "111122223333" }
    Actions   = "sqs:SendMessage"
    Action    = "sqs:SendMessage"
  }]
}
