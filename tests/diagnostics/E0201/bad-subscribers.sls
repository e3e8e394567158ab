// E0201: subscribers SNS would refuse: no `@`, a number without its country
// code, and a URL SNS would post to in clear text
app shop { runtime = "python3.13" }

topic Alerts {
  subscribers {
    email = ["ops.example.com"]
    sms   = ["4155550100"]
    https = ["http://hooks.example.com/alerts"]
  }
}

function Watch {
  handler  = "watch.handler"
  external = true
  publishes to Alerts
}
