// E0310: `created` includes `put`: two notifications every PutObject matches
app media { runtime = "python3.13" }

bucket Uploads
queue Failures { retention = 14d }

function Ingest {
  handler    = "ingest.handler"
  on Uploads { events = [created, put], prefix = "incoming/" }
  on_failure = Failures
}
