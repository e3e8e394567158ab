// E0320: the thumbnails land in the bucket whose uploads trigger the
// function, so every thumbnail is thumbnailed again, forever
app media {
  runtime = "python3.13"
}

bucket Photos

function MakeThumbnail {
  handler    = "thumbs.handler"
  timeout    = 30s
  reads Photos
  writes Photos
  on Photos { suffix = ".jpg" }
  on_failure = drop { reason = "a thumbnail is made again on the next upload" }
}
