// E0236 fixed: the image carries the layer's content (copied into /opt in
// its Dockerfile); the .zip function keeps the layer
app shop { runtime = "python3.13" }

layer Shared { code = "s3://shop-artifacts/layers/shared.zip" }

function Resize {
  image    = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/resize:2.0.1"
  external = true
}

function Thumbnail {
  handler  = "thumbnail.handler"
  code     = "s3://shop-artifacts/thumbnail.zip"
  layers   = [Shared]
  external = true
}
