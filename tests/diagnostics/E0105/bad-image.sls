// E0105: a container image names its own handler (CMD) and runtime (its base
// image), so `handler` and `runtime` do not apply; the app's default runtime
// simply does not
app shop { runtime = "python3.13" }

function Resize {
  image    = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/resize:2.0.1"
  handler  = "resize.handler"
  runtime  = "python3.13"
  external = true
}
