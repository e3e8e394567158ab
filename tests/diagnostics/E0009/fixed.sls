// E0009 fixed: `code` names the folder with the handlers.
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
  code    = "src"
  timeout = 10s
  on Work
}
