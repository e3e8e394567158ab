// E0121: a per-stage value in a spec without stages
function Checkout {
  handler = "checkout.handler"
  runtime = "nodejs22.x"
  memory  = stage { dev = 256MB, prod = 1024MB }
}
