// E0235: a layer built for Python 3.12, used by a Python 3.13 function
app shop { runtime = "python3.13" }

layer Numpy {
  code          = "s3://shop-artifacts/layers/numpy-py312-arm64.zip"
  runtimes      = ["python3.12"]
  architectures = [arm64]
}

function Forecast {
  handler      = "forecast.handler"
  code         = "s3://shop-artifacts/forecast.zip"
  architecture = arm64
  layers       = [Numpy]
  external     = true
}
