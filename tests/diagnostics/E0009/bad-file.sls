// E0009: `code` names the built executable, not the folder that holds it
// (or a `.zip` of it).
app shop {
  runtime = "provided.al2023"
}

queue Work {
  visibility_timeout = 60s
  dead_letter        = WorkDlq after 5 receives
}

queue WorkDlq {
  retention = 14d
}

function Fulfil {
  handler = "bootstrap"
  code    = "build/bootstrap"
  timeout = 10s
  on Work
}
