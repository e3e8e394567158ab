// E0220: an override of what `visibility_timeout` says
queue Jobs {
  external = true
  overrides {
    DelaySeconds      = 5
    VisibilityTimeout = 120
  }
}
