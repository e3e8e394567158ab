// W0104: text that looks like a suppression inside a string is not a comment,
// so the unused dead-letter queue on the next line is still reported
app shop { runtime = "python3.13", tags { note = "// slsc: allow W0104 -- kept for later" } }
queue JobsDlq { retention = 14d }

queue Jobs {
  visibility_timeout = 60s
}

function Work {
  handler = "jobs.handler"
  timeout = 10s
  on Jobs
}
