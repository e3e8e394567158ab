// E0001: a tag is written `team: "payments"`, YAML style, instead of `team = "payments"`
app payments {
  tags { team: "payments", cost_centre = "cc-114" }
}

queue Refunds {
  visibility_timeout = 60s
}

function ProcessRefund {
  handler = "refunds.handler"
  runtime = "python3.13"
  timeout = 10s
  on Refunds
}
