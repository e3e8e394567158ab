// nodejs20.x: deprecated on 2026-04-30, creation blocked from 2027-02-01.
function Hello {
  handler = "index.handler"
  runtime = "nodejs20.x"
}

api Public http {
  auth = iam
  GET /hello -> Hello
}
