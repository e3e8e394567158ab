// E0231 fixed: the list parameter is the whole list of callback URLs
app shop {
  runtime = "python3.13"
  outputs { UsersId = Users.id }
}

param Sites list { description = "Where the hosted UI may send users back" }

userpool Users {
  clients {
    Web = { flows = [code], scopes = [openid], callback_urls = Sites }
  }
}
