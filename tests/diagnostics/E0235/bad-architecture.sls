// E0235: the runtime matches, but the layer's native libraries are built
// for arm64 and the function runs on x86_64 (the default)
app shop { runtime = "python3.13" }

layer Numpy {
  code          = "s3://shop-artifacts/layers/numpy-arm64.zip"
  runtimes      = ["python3.13"]
  architectures = [arm64]
}

function Forecast {
  handler  = "forecast.handler"
  code     = "s3://shop-artifacts/forecast.zip"
  layers   = [Numpy]
  external = true
}
