// E0231: a list parameter inside a string
app shop { runtime = "python3.13" }

param Sites list { description = "Where the hosted UI may send users back" }

userpool Users {
  clients {
    Web = { flows = [code], scopes = [openid], callback_urls = ["${Sites}"] }
  }
}
