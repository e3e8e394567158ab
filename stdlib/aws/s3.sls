// Amazon S3 events delivered to EventBridge (the bucket needs
// `eventbridge = true`). Field names are those of the events' `detail`, as
// documented in the S3 user guide ("Amazon S3 event notifications with
// EventBridge"); names with dashes are quoted.

type S3Bucket {
  name: string
}

type S3Object {
  key:           string
  size?:         int
  etag?:         string
  "version-id"?: string
  sequencer?:    string
}

event ObjectCreated from "aws.s3" detail_type "Object Created" {
  version:              string
  bucket:               S3Bucket
  object:               S3Object
  "request-id":         string
  requester:            string
  "source-ip-address"?: string
  reason:               "PutObject" | "POST Object" | "CopyObject" | "CompleteMultipartUpload"
}

event ObjectDeleted from "aws.s3" detail_type "Object Deleted" {
  version:              string
  bucket:               S3Bucket
  object:               S3Object
  "request-id":         string
  requester:            string
  "source-ip-address"?: string
  reason:               "DeleteObject" | "Lifecycle Expiration"
  "deletion-type":      "Permanently Deleted" | "Delete Marker Created"
}
