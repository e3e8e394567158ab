// E0224 fixed: the client says where the hosted UI sends users back
app shop { runtime = "python3.13" }

userpool Users {
  clients {
    Web = { flows = [code], scopes = [openid, email], callback_urls = ["https://shop.example.com/callback"] }
  }
}
