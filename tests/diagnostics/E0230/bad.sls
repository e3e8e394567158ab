// E0230: a user without the email Cognito invites them by
app shop { runtime = "python3.13" }

param AdminEmail string { description = "The administrator's email" }

userpool Users {
  sign_in = [email]
  groups  = [Admins]
  users { admin = { groups = [Admins] } }
}
