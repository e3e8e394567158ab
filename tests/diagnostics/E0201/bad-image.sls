// E0201: `image` is the URI of an image in a private Amazon ECR repository,
// with a tag or a digest: not Docker Hub, not a bare repository
app shop { runtime = "python3.13" }

function Resize {
  image    = "docker.io/library/python:3.13"
  external = true
}

function Crop {
  image    = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/crop"
  external = true
}

function Blur {
  image    = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/blur@sha256:1f0e"
  external = true
}
