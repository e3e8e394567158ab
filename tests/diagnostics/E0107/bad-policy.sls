// E0107: a policy statement without an action
app shop { runtime = "python3.13" }

queue Inbox {
  external    = true
  dead_letter = drop { reason = "partners resend" }
  policy = [{
    Effect    = "Allow"
    Principal = { AWS = "111122223333" }
  }]
}
