// Amazon S3 events delivered to EventBridge (the bucket must have
// EventBridge notifications turned on). Field names are the real ones of the
// event's `detail`; fields whose names contain a dash (`request-id`,
// `source-ip-address`, `version-id`) are not expressible yet.

type S3Bucket {
  name: string
}

type S3Object {
  key: string
  size?: int
  etag?: string
  sequencer?: string
}

event ObjectCreated from "aws.s3" detail_type "Object Created" {
  version: string
  bucket: S3Bucket
  object: S3Object
  requester: string
  reason: "PutObject" | "POST Object" | "CopyObject" | "CompleteMultipartUpload"
}

event ObjectDeleted from "aws.s3" detail_type "Object Deleted" {
  version: string
  bucket: S3Bucket
  object: S3Object
  requester: string
  reason: "DeleteObject" | "Lifecycle Expiration"
}
