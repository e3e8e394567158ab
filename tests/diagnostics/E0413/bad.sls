// E0413: the topic does not say what its messages are, so the filter cannot be checked
app media {
  runtime = "python3.13"
}

queue LargeAssets { visibility_timeout = 1m }
queue DeliveryDlq { retention = 14d }

topic AssetReady {
  subscribe LargeAssets where size > 1000000 { dead_letter = DeliveryDlq }
}

function Publisher {
  handler = "publish.handler"
  publishes to AssetReady
}
