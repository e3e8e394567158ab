// E0105: a bucket trigger filters by key prefix and suffix, not with `where`
app media { runtime = "python3.13" }

bucket Uploads

queue Failures { retention = 14d }

function Resize {
  handler    = "resize.handler"
  on Uploads where key prefix "in/"
  on_failure = Failures
}
