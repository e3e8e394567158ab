// E0310 fixed: the two notifications watch prefixes no key can share.
app media {
  runtime = "python3.13"
}

bucket Uploads

queue Failures { retention = 14d }

function Thumbnail {
  handler    = "thumbs.handler"
  on Uploads { prefix = "images/", suffix = ".png" }
  on_failure = Failures
}

function Catalogue {
  handler    = "catalogue.handler"
  on Uploads { prefix = "incoming/" }
  on_failure = Failures
}
