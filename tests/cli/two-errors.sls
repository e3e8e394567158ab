// Two independent errors: both are reported in one run, in source order.
queue Jobs { visibility_timeout = 13h }

function Worker {
  handler = "worker.handler"
  runtime = "python3.13"
  on Jbos
}
