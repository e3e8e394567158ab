// E0110 fixed: the function builds links from the request it receives
// (`requestContext.domainName`) instead of reading the API's URL.
app shop {
  runtime = "python3.13"
}

function Links {
  handler = "links.handler"
}

api Public http {
  auth = iam
  GET /links -> Links
}
