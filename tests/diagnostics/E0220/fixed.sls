// E0220 fixed: the declaration's property, and an override only of what the language does not have.
queue Jobs {
  external           = true
  visibility_timeout = 120s
  overrides {
    DelaySeconds = 5
  }
}
