// E0222: a trigger Cognito does not have
app auth { runtime = "python3.13" }

function Welcome { handler = "welcome.handler" }

userpool Users {
  sign_in  = [email]
  triggers { after_sign_up = Welcome }
}
