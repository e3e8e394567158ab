// E0314 fixed: each `delete` says why; `retain` (the default) keeps the data
app scratch {
  runtime   = "python3.13"
  on_delete = delete { reason = "a scratch environment: everything is rebuilt from the main stack's data" }
}

table Sessions {
  key       = { token: string }
  on_delete = delete { reason = "sessions expire within an hour; users sign in again" }
}

queue JobsDlq {
  retention = 14d
  on_delete = retain
}

queue Jobs {
  dead_letter = JobsDlq after 5 receives
}

stream Clicks {
  on_delete = retain
}

bucket Uploads {
  on_delete = retain
}

function Worker {
  handler = "worker.handler"
  reads Sessions
  writes Uploads, Clicks
  on Jobs
}
