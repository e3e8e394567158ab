// E0314: the app's default `on_delete = delete` without a reason
app scratch {
  runtime   = "python3.13"
  on_delete = delete
}

bucket Uploads
queue JobsDlq { retention = 14d }
queue Jobs { dead_letter = JobsDlq after 5 receives }

function Store {
  handler = "store.handler"
  writes Uploads
  on Jobs
}
