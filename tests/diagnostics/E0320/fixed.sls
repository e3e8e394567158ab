// E0320 fixed: uploads arrive under `incoming/` and thumbnails are written
// under `thumbnails/`, a prefix the trigger does not watch; the pager
// re-queues itself on purpose and says what ends it
app media {
  runtime = "python3.13"
}

bucket Photos

function MakeThumbnail {
  handler    = "thumbs.handler"
  timeout    = 30s
  reads Photos prefix "incoming/"
  writes Photos prefix "thumbnails/"
  on Photos { prefix = "incoming/", suffix = ".jpg" }
  on_failure = drop { reason = "a thumbnail is made again on the next upload" }
}

queue PagesDlq { retention = 14d }
queue Pages {
  visibility_timeout = 60s
  dead_letter        = PagesDlq after 3 receives
}

function Crawl {
  handler   = "crawl.handler"
  on Pages { batch = 1 }
  sends to Pages
  recursion = allow { reason = "each message holds the next page token; the last page sends nothing" }
}
