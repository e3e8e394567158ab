// E0105: an HTTP API serves from `$default`: it has no stage name
app shop { runtime = "python3.13" }

function Get { handler = "get.handler" }

api Shop http {
  auth       = iam
  stage_name = "dev"
  GET /orders -> Get
}
