// E0236: a function that runs a container image names a layer
app shop { runtime = "python3.13" }

layer Shared { code = "s3://shop-artifacts/layers/shared.zip" }

function Resize {
  image    = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/resize:2.0.1"
  layers   = [Shared]
  external = true
}
