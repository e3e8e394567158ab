// E0203: `memory = 12GB` is above Lambda's maximum of 10,240 MB
app media {
  runtime = "python3.13"
}

bucket Uploads

queue TranscodeFailures {
  retention = 14d
}

function Transcode {
  handler    = "transcode.handler"
  memory     = 12GB
  timeout    = 15m
  on_failure = TranscodeFailures
  on Uploads { suffix = ".mov" }
}
