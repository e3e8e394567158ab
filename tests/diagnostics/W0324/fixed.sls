// W0324 fixed: the trigger polls no more batches than the function may run
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
  on Jobs { batch = 1, max_concurrency = 10 }
}
