// E0201: `timeout = 30` has no unit; a timeout is a duration such as `30s`
app shop {
  runtime = "python3.13"
}

queue Thumbnails {
  visibility_timeout = 3m
}

function MakeThumbnail {
  handler = "thumbs.handler"
  memory  = 1GB
  timeout = 30
  on Thumbnails
}
