// A queue and the function that works through it, in batches, with a
// dead-letter queue for the messages it cannot handle.

app APP_NAME {
  runtime       = "python3.13"
  architecture  = arm64
  log_retention = 30d
  log_format    = json
  alarms { notify = Ops }
  acknowledge {
    CKV_AWS_115 = "the queue trigger's max_concurrency bounds the worker"
    CKV_AWS_116 = "the worker is invoked synchronously by its queue, whose dead-letter queue keeps what fails"
    CKV_AWS_117 = "the function calls only AWS APIs; there is nothing in a VPC to reach"
  }
}

type Job {
  id:   string
  kind: "resize" | "archive"
}

queue JobsDlq { retention = 14d }

queue Jobs of Job {
  visibility_timeout = 3m
  dead_letter        = JobsDlq after 5 receives
  external           = true
}

function Work {
  handler = "jobs.work"
  code    = "src"
  timeout = 30s
  on Jobs { batch = 10, partial_failures = true, max_concurrency = 5 }
}

// Where the alarms go: subscribe the people on call.
topic Ops {
  subscribers { email = ["oncall@example.com"] }
}
