// Media pipeline: uploads to S3 trigger a transcoder that records each asset
// in DynamoDB and announces it on SNS; an audit queue subscribes to the topic;
// a nightly schedule cleans up abandoned uploads. Deletions reach EventBridge
// as the standard library's `aws.s3` events, and a rule forgets the asset.
// The table's stream feeds a search indexer. Every asynchronous hop says
// where its failures go (see docs/failures.md).

use aws.s3

app media {
  runtime       = "python3.13"
  architecture  = x86_64
  log_retention = 14d
  // One JSON object per log record, INFO and above, for Logs Insights.
  log_format    = json
  log_level     = info
  tags { team = "media" }
  acknowledge {
    CKV_AWS_115 = "concurrency is left to the account limit; queue consumers are bounded by their batch size"
    CKV_AWS_116 = "asynchronously invoked functions send failures to their on_failure destination; the others are called synchronously"
    CKV_AWS_117 = "the functions call only AWS APIs; there is nothing in a VPC to reach"
    CKV_AWS_18  = "uploads are audited through the AssetReady topic and CloudTrail data events, not S3 server access logs"
  }
  // The upload client signs its requests for this bucket.
  outputs { UploadBucket = Uploads.name }
  // Every default alarm (errors, dead-letter queues, 5xx, ...) tells on-call.
  alarms { notify = Ops }
}

type AssetPublished {
  assetId: string
  version: int(min = 1)
  key:     string
}

type Asset {
  assetId: string
  version: int
  tags:    [string]
}

type AssetTags {
  tags: [string](max_items = 20)
}

bucket Uploads {
  eventbridge = true
}

table Assets {
  key     = { assetId: string, version: number }
  billing = provisioned { read = 5, write = 5 }
  stream  = new_and_old_images
  // The versions of an asset in upload order, and assets by their owner.
  local_indexes { byUploadedAt = { uploadedAt: number } }
  indexes { byOwner = { owner: string } }
}

queue Failures { retention = 14d }
queue ScheduleDlq { retention = 14d }
queue EventDlq { retention = 14d }
queue IndexFailures { retention = 14d }
// Transcoded assets, for the delivery service (outside this app).
queue Transcoded { retention = 4d }
// Events `ForgetAsset` could not handle, kept as objects for replay.
bucket ForgetFailures

queue AuditDlq { retention = 14d }

queue Audit of AssetPublished {
  visibility_timeout = 60s
  dead_letter        = AuditDlq after 5 receives
}

queue AuditDeliveryDlq { retention = 14d }

// Re-uploads (version 2 and later) also purge the CDN: SNS filters them.
queue CdnPurge of AssetPublished {
  visibility_timeout = 60s
  dead_letter        = AuditDlq after 5 receives
}

topic AssetReady of AssetPublished {
  subscribe Audit { dead_letter = AuditDeliveryDlq }
  subscribe CdnPurge where version > 1 { dead_letter = AuditDeliveryDlq }
}

function PurgeCdn {
  handler = "cdn.purge"
  code    = "src"
  on CdnPurge { batch = 10, partial_failures = true }
}

function Transcode {
  handler       = "transcode.handler"
  code          = "src"
  memory        = 2GB
  timeout       = 5m
  env {
    TABLE = Assets.name
    TOPIC = AssetReady.arn
  }
  on Uploads { events = [created], prefix = "incoming/", suffix = ".mp4" }
  reads Uploads prefix "incoming/"
  writes Uploads prefix "transcoded/"
  writes Assets
  publishes AssetPublished to AssetReady
  retries       = 1
  max_event_age = 1h
  on_failure    = Failures
  on_success    = Transcoded
}

function RecordAudit {
  handler = "audit.handler"
  code    = "src"
  timeout = 10s
  on Audit { batch = 10, partial_failures = true, max_concurrency = 5 }
}

function NightlyCleanup {
  handler    = "cleanup.handler"
  code       = "src"
  timeout    = 15m
  memory     = 1GB
  env { BUCKET = Uploads.name, TABLE = Assets.name }
  reads Uploads, Assets
  deletes Uploads prefix "incoming/"
  writes Assets
  on_failure = Failures
}

function HourlyStats {
  handler       = "stats.handler"
  code          = "src"
  env { TABLE = Assets.name }
  reads Assets
  max_event_age = 1h
  on_failure    = Failures
}

// At night in the team's time zone, any time in the half hour after 03:00.
schedule Nightly cron "0 3 * * ? *" -> NightlyCleanup {
  timezone    = "Europe/Paris"
  window      = 30m
  retry { attempts = 2, max_age = 1h }
  dead_letter = ScheduleDlq
}

// A run retried for longer than an hour would overlap the next one.
schedule Hourly every 1h -> HourlyStats {
  retry { max_age = 1h }
  dead_letter = drop { reason = "the next hourly run recomputes the same statistics" }
}

function ForgetAsset {
  handler    = "forget.handler"
  code       = "src"
  env { TABLE = Assets.name }
  writes Assets
  on_failure = ForgetFailures
}

rule UploadDeleted on default {
  match ObjectDeleted where object.key prefix "incoming/" and reason = "DeleteObject"
  send to ForgetAsset
  dead_letter = EventDlq
}

function IndexAsset {
  handler = "search.index"
  code    = "src"
  on Assets.stream {
    start            = trim_horizon
    bisect           = true
    retries          = 3
    max_age          = 1h
    parallelization  = 2
    partial_failures = true
    on_failure       = IndexFailures
  }
}

// Playback events from the players, on a Kinesis stream, counted in batches.
stream Plays { retention = 48h }
queue PlaysFailures { retention = 14d }

function RecordPlay {
  handler = "plays.record"
  code    = "src"
  env { STREAM = Plays.name }
  writes Plays
}

function CountPlays {
  handler = "plays.count"
  code    = "src"
  env { TABLE = Assets.name }
  writes Assets
  on Plays {
    start            = trim_horizon
    batch            = 500
    window           = 10s
    partial_failures = true
    on_failure       = PlaysFailures
  }
}

function GetAsset {
  handler = "assets.get"
  code    = "src"
  env { TABLE = Assets.name }
  reads Assets
}

function TagAsset {
  handler = "assets.tag"
  code    = "src"
  env { TABLE = Assets.name }
  writes Assets
}

api Catalogue http {
  auth = iam
  GET  /assets/{assetId}      -> GetAsset {
    params { assetId: string }
    responses { 200 = Asset }
  }
  POST /plays                 -> RecordPlay
  PUT  /assets/{assetId}/tags -> TagAsset {
    params { assetId: string }
    body = AssetTags
    responses { 200 = Asset }
  }
}

// The on-call engineers: where the alarms go.
topic Ops {
  subscribers { email = ["oncall-media@example.com"] }
}
