// E0214: names S3 and Lambda would reject when the stack creates them
app media {
  runtime = "python3.13"
}

bucket Uploads { name = "Shop_Uploads" }
bucket Thumbnails { name = "thumbnails-s3alias" }

queue Failures { retention = 14d }

function Resize {
  handler = "resize.handler"
  name    = "resize images"
  on Uploads { suffix = ".png" }
  on_failure = Failures
  writes Thumbnails
}
