// E0310: every key under `incoming/` that ends in `.png` matches both
// notifications; S3 refuses the bucket configuration.
app media {
  runtime = "python3.13"
}

bucket Uploads

queue Failures { retention = 14d }

function Thumbnail {
  handler    = "thumbs.handler"
  on Uploads { prefix = "incoming/", suffix = ".png" }
  on_failure = Failures
}

function Catalogue {
  handler    = "catalogue.handler"
  on Uploads { prefix = "incoming/" }
  on_failure = Failures
}
