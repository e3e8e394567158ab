// E0111: two outputs export under one name
app media {
  runtime = "python3.13"
  outputs {
    UploadsArn    = { value = Uploads.arn, export = "media-bucket" }
    ThumbnailsArn = { value = Thumbnails.arn, export = "media-bucket" }
  }
}

bucket Uploads
bucket Thumbnails

queue Failures { retention = 14d }

function Resize {
  handler = "resize.handler"
  on Uploads { suffix = ".png" }
  on_failure = Failures
  writes Thumbnails
}
