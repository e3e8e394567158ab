// E0217: SnapStart on a container image, which Lambda cannot snapshot
app shop { runtime = "python3.13" }

function Resize {
  image      = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/resize:2.0.1"
  snap_start = true
  external   = true
}
