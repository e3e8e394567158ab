// E0203 fixed: memory is within 128 MB to 10,240 MB.
app media {
  runtime = "python3.13"
}

bucket Uploads

queue TranscodeFailures {
  retention = 14d
}

function Transcode {
  handler    = "transcode.handler"
  memory     = 10240MB
  timeout    = 15m
  on_failure = TranscodeFailures
  on Uploads { suffix = ".mov" }
}
