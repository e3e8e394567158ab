// serverless-patterns apigw-rest-api-dynamodb (CloudFormation): a REST API
// whose two methods call DynamoDB directly, with no function: `POST /music`
// puts an item (its id the request's id, artist and album from the body),
// `GET /music/{artist}` queries the table's artist index and answers with
// `{"music": [{id, artist, album}]}`; both need an API key of the one
// usage plan (500 requests/s, bursts of 1,000, 10,000 a month). The API's
// role may call exactly PutItem on the table and Query on that index (the
// original grants both on `table*`, every index). Differences: the table's
// name is generated (the original fixes `Music`), it has slsc's defaults
// (point-in-time recovery, the app's key, retained); its index is named
// `ArtistIndex` (index names are names in slsc: no `-`) and projects every
// attribute (the original's `Artist-Index` projects `album` only); the REST API's
// body is validated against `Song` (the original accepts any body and
// stores empty strings for missing fields); the API, stage and key names
// are slsc's (`${AWS::StackName}-Api`, stage `v1`), not the `AppName` and
// `StageName` parameters'; the stage has tracing on; the integrations
// answer 400 and 500 for DynamoDB's client and server errors; a missing
// item answers 200 with an empty list, as in the original.

app music {
  acknowledge {
    CKV_AWS_120 = "every request reads or writes live data: nothing to cache"
    CKV_AWS_76  = "REST access logs need the account-wide API Gateway CloudWatch role, which this pattern does not set"
    CKV_AWS_59  = "callers are identified by API key, as in the original"
  }
  outputs {
    ApiRootUrl = { value = Api.url, description = "Root Url of the API" }
  }
}

type Song {
  artist: string
  album:  string
}

type SongItem {
  id:     string
  artist: string
  album:  string
}

type Songs {
  music: [SongItem]
}

table DynamoDBTable {
  key     = { id: string }
  billing = provisioned { read = 5, write = 5 }
  indexes { ArtistIndex = { artist: string } }
}

api Api rest {
  stage_name = "v1"
  auth       = none
  usage_plans {
    Plan = { rate = 500, burst = 1000, quota = 10000, period = month, keys = ["ApiKey"] }
  }
  POST /music -> DynamoDBTable.put {
    body        = Song
    item        = { id = request.id, artist = body.artist, album = body.album }
    api_key     = true
    acknowledge = "callers are identified by API key, as in the original"
  }
  GET /music/{artist} -> DynamoDBTable.query {
    index     = "ArtistIndex"
    key       = { artist = path.artist }
    responses { 200 = Songs }
    api_key   = true
  }
}
