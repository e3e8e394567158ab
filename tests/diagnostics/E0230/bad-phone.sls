// E0230: a pool that signs in by phone, and a user without one
app shop { runtime = "python3.13" }

userpool Users {
  sign_in = [phone]
  users { admin = { email = "admin@example.com" } }
}
