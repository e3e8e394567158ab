// E0260: an average duration of 0, an object size of 0
app shop { runtime = "python3.13" }

function Resize {
  handler = "resize.main"
  average_duration = 0ms
  on Uploads
  on_failure = drop { reason = "uploads are retried by the client" }
}

bucket Uploads {
  object_size = 0KB
  traffic = 10/m
}
