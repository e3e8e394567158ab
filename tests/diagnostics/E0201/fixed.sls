// E0201 fixed: the timeout has a unit.
app shop {
  runtime = "python3.13"
}

queue Thumbnails {
  visibility_timeout = 3m
}

function MakeThumbnail {
  handler = "thumbs.handler"
  memory  = 1GB
  timeout = 30s
  on Thumbnails
}
