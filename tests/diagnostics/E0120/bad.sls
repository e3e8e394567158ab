// E0120: `prd` is not a declared stage
stage dev
stage prod

function Checkout {
  handler = "checkout.handler"
  runtime = "nodejs22.x"
  memory  = stage { dev = 256MB, prd = 1024MB }
}
