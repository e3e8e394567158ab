// E0214: a Scheduler schedule name has no spaces
app jobs { runtime = "python3.13" }

queue Failures { retention = 14d }

function Cleanup { handler = "cleanup.handler", on_failure = Failures, max_event_age = 1h }

schedule Nightly every 1h -> Cleanup {
  name        = "nightly cleanup"
  retry { max_age = 1h }
  dead_letter = Failures
}
