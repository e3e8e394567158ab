// E0220 fixed: the declaration's property, and an override only of what the language does not have.
table Jobs {
  key = { id: string }
  overrides {
    TableClass = "STANDARD_INFREQUENT_ACCESS"
  }
}

queue Work {
  external           = true
  visibility_timeout = 120s
}
