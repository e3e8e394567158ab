// W0305 fixed: events that still fail after Lambda's retries go to a queue.
app media {
  runtime = "python3.13"
}

bucket Photos

bucket Thumbnails

queue ThumbnailFailures {
  retention = 14d
}

function MakeThumbnail {
  handler    = "thumbs.handler"
  memory     = 1GB
  timeout    = 30s
  on_failure = ThumbnailFailures
  reads Photos
  writes Thumbnails
  on Photos { suffix = ".jpg" }
}
