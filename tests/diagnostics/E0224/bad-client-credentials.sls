// E0224: client_credentials without a secret, mixed with a flow for users
app shop { runtime = "python3.13" }

userpool Users {
  clients {
    Jobs = { flows = [client_credentials, code], callback_urls = ["https://jobs.example.com/cb"] }
  }
}
