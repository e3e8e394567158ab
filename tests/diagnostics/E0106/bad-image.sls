// E0106: a function runs `code` or a container `image`, not both
app shop { runtime = "python3.13" }

function Resize {
  image    = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/resize:2.0.1"
  code     = "src"
  external = true
}
