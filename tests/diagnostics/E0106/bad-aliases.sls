// E0106: a pool signs in by email, or by user name with email as an alias, not both
app shop { runtime = "python3.13" }

userpool Users {
  sign_in = [email]
  aliases = [email]
}
