// W0305: S3 invokes `MakeThumbnail` asynchronously, and it has no `on_failure` destination
app media {
  runtime = "python3.13"
}

bucket Photos

bucket Thumbnails

function MakeThumbnail {
  handler = "thumbs.handler"
  memory  = 1GB
  timeout = 30s
  reads Photos
  writes Thumbnails
  on Photos { suffix = ".jpg" }
}
