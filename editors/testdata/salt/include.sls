include:
  - users
  - use.this
