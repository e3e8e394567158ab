// E0009: the handlers live in `src/`, not `scr/`.
app shop {
  runtime = "python3.13"
}

queue Work {
  visibility_timeout = 60s
  dead_letter        = WorkDlq after 5 receives
}

queue WorkDlq {
  retention = 14d
}

function Fulfil {
  handler = "fulfil.handler"
  code    = "scr"
  timeout = 10s
  on Work
}
