// W0322: `Crawl` allows recursion, but it sends to another queue than the
// one that triggers it: there is no loop to allow
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
  handler   = "crawl.handler"
  on Pages { batch = 1 }
  sends to Results
  recursion = allow { reason = "each message holds the next page token" }
}

function Store {
  handler = "store.handler"
  on Results { batch = 1 }
}
