// E0110: the function reads its API's URL, but the API (SAM builds it from
// its routes) needs the function first: neither can be created first.
app shop {
  runtime = "python3.13"
}

function Links {
  handler = "links.handler"
  env { BASE_URL = Public.url }
}

api Public http {
  auth = iam
  GET /links -> Links
}
