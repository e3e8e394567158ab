// E0224: callback URLs without any OAuth flow
app shop { runtime = "python3.13" }

userpool Users {
  clients { Web = { callback_urls = ["https://shop.example.com/callback"] } }
}
