// E0413 fixed: the topic carries `AssetPublished`, whose `size` the filter tests.
app media {
  runtime = "python3.13"
}

type AssetPublished {
  assetId: string
  size:    int
}

queue LargeAssets of AssetPublished { visibility_timeout = 1m }
queue DeliveryDlq { retention = 14d }

topic AssetReady of AssetPublished {
  subscribe LargeAssets where size > 1000000 { dead_letter = DeliveryDlq }
}

function Publisher {
  handler = "publish.handler"
  publishes AssetPublished to AssetReady
}
