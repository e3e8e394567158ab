// Two stages, the second in another region, with traffic per stage.
stage dev
stage prod { region = "us-west-2" }

app staged { runtime = "python3.13" }

function Serve {
  handler          = "serve.main"
  average_duration = 80ms
  traffic          = stage { dev = 1/s, prod = 100/s }
  external         = true
}
