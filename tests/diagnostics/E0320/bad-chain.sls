// E0320: a longer loop: the function publishes to a topic that delivers to
// a queue whose consumer publishes to the first function's trigger topic
app chain {
  runtime = "python3.13"
}

queue Dlq { retention = 14d }
queue Work {
  visibility_timeout = 60s
  dead_letter        = Dlq after 3 receives
}
topic Requests
topic Results {
  subscribe Work { dead_letter = Dlq }
}

function Answer {
  handler    = "answer.handler"
  on Requests { dead_letter = Dlq }
  publishes to Results
  on_failure = Dlq
}

function Forward {
  handler = "forward.handler"
  on Work { batch = 1 }
  publishes to Requests
}
