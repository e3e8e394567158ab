// A rule that compares the bucket's name, which CloudFormation generates at
// deploy time: `slsc match` cannot decide without its deployed value.
app media {
  runtime = "python3.13"
}

use aws.s3

bucket Uploads { eventbridge = true }
queue Failures { retention = 14d }

function Forget {
  handler    = "forget.handler"
  on_failure = Failures
}

rule UploadDeleted on default {
  match aws.s3.ObjectDeleted where bucket.name = Uploads.name
  send to Forget
  dead_letter = Failures
}
