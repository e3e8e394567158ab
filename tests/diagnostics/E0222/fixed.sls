// E0222 fixed: after a user confirms their account, Cognito calls
// post_confirmation
app auth { runtime = "python3.13" }

function Welcome { handler = "welcome.handler" }

userpool Users {
  sign_in  = [email]
  triggers { post_confirmation = Welcome }
}
