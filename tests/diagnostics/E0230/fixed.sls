// E0230 fixed: the user has the email Cognito sends the invitation to
app shop {
  runtime = "python3.13"
  outputs { UsersId = Users.id }
}

param AdminEmail string { description = "The administrator's email" }

userpool Users {
  sign_in = [email]
  groups  = [Admins]
  users { admin = { email = AdminEmail, groups = [Admins] } }
}
