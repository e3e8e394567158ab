// E0214: an API Gateway stage name has only letters, digits, `-` and `_`
app shop { runtime = "python3.13" }

function Get { handler = "get.handler" }

api Shop rest {
  auth       = iam
  stage_name = "v1.0"
  GET /orders -> Get
}
