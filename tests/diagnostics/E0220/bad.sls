// E0220: an override of what `visibility_timeout` says
table Jobs {
  key = { id: string }
  overrides {
    TableClass = "STANDARD_INFREQUENT_ACCESS"
  }
}

queue Work {
  external = true
  overrides {
    VisibilityTimeout = 120
  }
}
