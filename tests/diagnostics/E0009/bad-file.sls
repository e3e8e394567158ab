// E0009: `code` names a file, not the folder that holds it.
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
  code    = "src/fulfil.py"
  timeout = 10s
  on Work
}
