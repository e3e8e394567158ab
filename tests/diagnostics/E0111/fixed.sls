// E0111 fixed: each bucket has its own name, each output its own export
app media {
  runtime = "python3.13"
  outputs {
    UploadsArn    = { value = Uploads.arn, export = "media-uploads" }
    ThumbnailsArn = { value = Thumbnails.arn, export = "media-thumbnails" }
  }
}

bucket Uploads { name = "shop-media-uploads" }
bucket Thumbnails { name = "shop-media-thumbnails" }

queue Failures { retention = 14d }

function Resize {
  handler = "resize.handler"
  on Uploads { suffix = ".png" }
  on_failure = Failures
  writes Thumbnails
}
