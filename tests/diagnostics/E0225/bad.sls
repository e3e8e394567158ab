// E0225: the route forwards to something that is not an absolute URL.
app shop {
  runtime = "python3.13"
}

api Public http {
  auth = none
  GET /ip -> "httpbin.org/ip"
}
