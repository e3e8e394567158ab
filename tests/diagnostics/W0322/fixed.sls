// W0322 fixed: no `recursion = allow` where there is no loop, so Lambda
// still stops one that a later change introduces
app jobs {
  runtime = "python3.13"
}

queue Dlq { retention = 14d }
queue Pages {
  visibility_timeout = 60s
  dead_letter        = Dlq after 3 receives
}
queue Results {
  visibility_timeout = 60s
  dead_letter        = Dlq after 3 receives
}

function Crawl {
  handler = "crawl.handler"
  on Pages { batch = 1 }
  sends to Results
}

function Store {
  handler = "store.handler"
  on Results { batch = 1 }
}
