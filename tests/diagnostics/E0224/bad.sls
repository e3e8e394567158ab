// E0224: the code flow without callback URLs
app shop { runtime = "python3.13" }

userpool Users {
  clients { Web = { flows = [code], scopes = [openid, email] } }
}
