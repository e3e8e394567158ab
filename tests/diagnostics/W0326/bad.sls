// W0326: batches of 10 without partial failures: one bad message fails and
// retries all ten
app jobs {
  runtime = "python3.13"
}

queue JobsDlq { retention = 14d }
queue Jobs {
  external           = true
  visibility_timeout = 60s
  dead_letter        = JobsDlq after 5 receives
}

function Work {
  handler = "work.handler"
  on Jobs { batch = 10 }
}
