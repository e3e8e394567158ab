// E0214 fixed: every name follows its service's rules
app media {
  runtime = "python3.13"
  outputs {
    OrdersTable = Orders.name
    OrdersArn   = { value = Orders.arn, export = "media:orders-arn" }
  }
}

table Orders { key = { pk: string }, name = "media-orders" }

queue JobsDlq { name = "media-jobs-dlq.fifo", fifo = true, retention = 14d }
queue Jobs {
  name          = "media-jobs.fifo"
  fifo          = true
  content_dedup = true
  dead_letter   = JobsDlq after 5 receives
  external      = true
}

bucket Uploads { name = "shop-uploads" }
bucket Thumbnails { name = "shop-thumbnails.example.com" }

queue Failures { retention = 14d }

function Resize {
  handler = "resize.handler"
  name    = "media-resize"
  on Uploads { suffix = ".png" }
  on_failure = Failures
  writes Thumbnails, Orders
}

function Work {
  handler = "work.handler"
  on Jobs { batch = 10, partial_failures = true }
}
