// E0235 fixed: the layer is built for the function's runtime and
// architecture; a layer that lists none is taken as it is
app shop { runtime = "python3.13" }

layer Numpy {
  code          = "s3://shop-artifacts/layers/numpy-py313-arm64.zip"
  runtimes      = ["python3.12", "python3.13"]
  architectures = [arm64]
}

layer Config { code = "s3://shop-artifacts/layers/config.zip" }

function Forecast {
  handler      = "forecast.handler"
  code         = "s3://shop-artifacts/forecast.zip"
  architecture = arm64
  layers       = [Numpy, Config]
  external     = true
}
