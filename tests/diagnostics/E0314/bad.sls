// E0314: `on_delete = delete` without a reason, and with an empty one
app scratch {
  runtime = "python3.13"
}

table Sessions {
  key       = { token: string }
  on_delete = delete
}

queue JobsDlq { retention = 14d }

queue Jobs {
  dead_letter = JobsDlq after 5 receives
  on_delete   = delete { reason = "" }
}

function Worker {
  handler = "worker.handler"
  reads Sessions
  on Jobs
}
