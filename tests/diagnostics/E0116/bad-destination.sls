// E0116: a destination chosen between a queue and a topic
app shop {
  runtime = "python3.13"
}

param UseTopic string {
  allowed = ["true", "false"]
  default = "false"
}

condition ToTopic = UseTopic == "true"

queue Failures { retention = 14d }
topic Alerts { external = true }

function Worker {
  handler    = "worker.handler"
  external   = true
  on_failure = Alerts if ToTopic else Failures
}
