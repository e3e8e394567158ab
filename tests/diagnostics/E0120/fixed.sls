stage dev
stage prod

function Checkout {
  handler = "checkout.handler"
  runtime = "nodejs22.x"
  memory  = stage { dev = 256MB, prod = 1024MB }
}
