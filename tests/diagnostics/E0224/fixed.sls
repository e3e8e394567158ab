// E0224 fixed: a client for users with its callback URL, and one for
// machines with its secret
app shop { runtime = "python3.13" }

userpool Users {
  clients {
    Web  = { flows = [code], scopes = [openid, email], callback_urls = ["https://shop.example.com/callback"] }
    Jobs = { flows = [client_credentials], secret = true }
  }
}
