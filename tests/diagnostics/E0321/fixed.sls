// E0321 fixed: the reason says what ends the loop
app jobs {
  runtime = "python3.13"
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
