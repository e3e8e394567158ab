// E0211 fixed: the greedy parameter is the last segment.
app files {
  runtime = "python3.13"
}

bucket Documents

function GetVersions {
  handler = "files.versions"
  reads Documents
}

api Files http {
  auth = iam
  GET /versions/{key+} -> GetVersions
}
