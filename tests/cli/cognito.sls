// A user pool with a client and a sign-up trigger, whose tokens an HTTP
// API's JWT authorizer accepts (tests/cli.rs snapshots both targets).
app shop {
  runtime = "python3.13"
  outputs {
    UserPoolId = Users.id
    WebClientId = Users.Web.id
  }
}

function CheckSignUp { handler = "auth.pre_sign_up" }
function ListOrders  { handler = "orders.list" }

userpool Users {
  sign_in = [email]
  clients {
    Web = { flows = [code], scopes = [openid, email], callback_urls = ["https://shop.example.com/callback"] }
  }
  triggers { pre_sign_up = CheckSignUp }
}

api Public http {
  auth = jwt { issuer = Users, audience = [Users.Web] }
  GET /orders -> ListOrders { scopes = ["email"] }
}
