// E0211: the greedy parameter `{key+}` is not the last segment of the path
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
  GET /files/{key+}/versions -> GetVersions
}
