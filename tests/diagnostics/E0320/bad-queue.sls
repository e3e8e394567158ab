// E0320: a consumer that sends to its own queue
app jobs {
  runtime = "python3.13"
}

queue JobsDlq { retention = 14d }
queue Jobs {
  visibility_timeout = 60s
  dead_letter        = JobsDlq after 3 receives
}

function Work {
  handler = "work.handler"
  on Jobs { batch = 1 }
  sends to Jobs
}
