// E0211: a REST API has no `$default` route
app shop { runtime = "python3.13" }

function Fallback { handler = "fallback.handler" }

api Public rest {
  auth = iam
  $default -> Fallback
}
