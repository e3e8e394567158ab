// E0232 fixed: the pool has a domain, and so a hosted UI
app shop {
  runtime = "python3.13"
  outputs { SignInUrl = Users.hosted_ui_url }
}

userpool Users {
  domain = "shop-auth"
  clients { Web = {} }
}
