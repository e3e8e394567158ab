// E0272 fixed: expire after the last move, or do not move
app media { runtime = "python3.13" }

bucket Uploads {
  lifecycle {
    originals = { prefix = "originals/", glacier = 90d, expire = 365d }
    previews  = { prefix = "previews/", expire = 30d }
  }
}
