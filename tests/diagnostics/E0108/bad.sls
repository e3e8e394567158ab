// E0108: `Jobs.uri` is not an attribute of a queue; the queue URL is `Jobs.url`
app shop {
  runtime = "python3.13"
}

queue Jobs {
  visibility_timeout = 60s
}

function Submit {
  handler = "jobs.submit"
  env { JOBS_QUEUE_URL = Jobs.uri }
  sends to Jobs
}

api Public http {
  auth = iam
  POST /jobs -> Submit
}
