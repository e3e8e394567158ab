// E0111: two buckets fix one physical name; S3 creates the first and the
// deployment fails on the second
app media {
  runtime = "python3.13"
}

bucket Uploads { name = "shop-media" }
bucket Thumbnails { name = "shop-media" }

queue Failures { retention = 14d }

function Resize {
  handler = "resize.handler"
  on Uploads { suffix = ".png" }
  on_failure = Failures
  writes Thumbnails
}
