// E0225 fixed: the whole URL, scheme and host.
app shop {
  runtime = "python3.13"
}

api Public http {
  auth = none
  GET /ip -> "https://httpbin.org/ip"
}
