// Files uploaded to a bucket invoke a function that records each in a
// table and announces it on a topic; originals move to cheaper storage as
// they age.

app APP_NAME {
  runtime       = "python3.13"
  architecture  = arm64
  log_retention = 30d
  log_format    = json
  alarms { notify = Ops }
  acknowledge {
    CKV_AWS_18  = "uploads are audited through CloudTrail data events, not S3 server access logs"
    CKV_AWS_115 = "concurrency is left to the account limit until the upload rate is known"
    CKV_AWS_116 = "the function is invoked asynchronously by S3 and sends its failures to its on_failure destination"
    CKV_AWS_117 = "the function calls only AWS APIs; there is nothing in a VPC to reach"
  }
}

type FileStored {
  key:   string
  bytes: int(min = 0)
}

bucket Uploads {
  lifecycle {
    originals = { prefix = "incoming/", glacier = 90d }
  }
}

table Files {
  key = { key: string }
}

topic Stored of FileStored {
  external = true
}

queue Failures { retention = 14d }

function Record {
  handler    = "files.record"
  code       = "src"
  timeout    = 10s
  env {
    TABLE = Files.name
    TOPIC = Stored.arn
  }
  on Uploads { events = [created], prefix = "incoming/" }
  writes Files
  publishes FileStored to Stored
  on_failure = Failures
}

// Where the alarms go: subscribe the people on call.
topic Ops {
  subscribers { email = ["oncall@example.com"] }
}
