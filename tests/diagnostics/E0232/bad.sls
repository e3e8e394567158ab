// E0232: the hosted UI URL of a pool without a domain
app shop {
  runtime = "python3.13"
  outputs { SignInUrl = Users.hosted_ui_url }
}

userpool Users {
  clients { Web = {} }
}
