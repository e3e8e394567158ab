// W0324: the queue trigger may poll 50 batches at once, but the function
// may run only 10 copies: the rest are throttled and count as receives
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
  handler     = "work.handler"
  concurrency = 10
  on Jobs { batch = 1, max_concurrency = 50 }
}
