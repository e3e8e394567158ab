// Photo archive: photos uploaded under `originals/` invoke `Catalog`, which
// records each photo in the `Photos` table and announces it on the
// `PhotoCataloged` topic (other teams subscribe from their own stacks).
// Originals are rarely read after their first month: they move to S3
// Glacier Flexible Retrieval after 30 days and to Deep Archive after a
// year. Failed invocations go to a queue, after Lambda's retries.
//
// The workload is the one of the cost reference: 3 million uploads a
// month, each handled in about 200 ms by a 512 MB x86_64 function.

app archive {
  runtime      = "python3.13"
  architecture = x86_64
  memory       = 512MB
  log_format   = json
  log_level    = info
  alarms { notify = Ops }
  tags { team = "photos" }
  acknowledge {
    CKV_AWS_115 = "concurrency is left to the account limit: uploads arrive at an even pace"
    CKV_AWS_116 = "Catalog is invoked asynchronously by S3 and sends its failures to its on_failure destination"
    CKV_AWS_117 = "the function calls only AWS APIs; there is nothing in a VPC to reach"
    CKV_AWS_18  = "uploads are audited through CloudTrail data events, not S3 server access logs"
  }
  outputs { UploadBucket = Uploads.name }
}

type PhotoCataloged {
  photoId: string
  key:     string
  bytes:   int(min = 0)
}

bucket Uploads {
  lifecycle {
    // Originals are kept for ever, in the cheapest class that still
    // restores within hours, then within a day.
    originals = { prefix = "originals/", glacier = 30d, deep_archive = 365d }
  }
  old_versions = 30d
  // For `slsc cost`: the uploads a month, and their average size.
  traffic      = 3_000_000/month
  object_size  = 2MB
}

table Photos {
  key = { photoId: string }
}

topic Cataloged of PhotoCataloged {
  external = true
}

queue CatalogFailures { retention = 14d }

function Catalog {
  handler          = "catalog.handler"
  code             = "src"
  timeout          = 10s
  average_duration = 200ms
  env {
    TABLE = Photos.name
    TOPIC = Cataloged.arn
  }
  on Uploads { events = [created], prefix = "originals/" }
  reads Uploads prefix "originals/"
  writes Photos
  publishes PhotoCataloged to Cataloged
  retries          = 2
  max_event_age    = 1h
  on_failure       = CatalogFailures
}

// The on-call engineers: where the alarms go.
topic Ops {
  subscribers { email = ["oncall-photos@example.com"] }
}
