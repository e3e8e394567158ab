// E0333: the backup queue is chosen where the main one is not, but exists only where it is
app shop {
  runtime = "python3.13"
}

param UseBackup string {
  allowed = ["true", "false"]
  default = "false"
}

condition Backup = UseBackup == "true"

queue Failures { retention = 14d }
queue BackupFailures {
  when      = Backup
  retention = 14d
}

function Worker {
  handler    = "worker.handler"
  external   = true
  on_failure = Failures if Backup else BackupFailures
}
