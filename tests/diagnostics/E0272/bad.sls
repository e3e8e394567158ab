// E0272: objects expire on the day they move, and before it
app media { runtime = "python3.13" }

bucket Uploads {
  lifecycle {
    originals = { prefix = "originals/", glacier = 90d, expire = 90d }
    previews  = { prefix = "previews/", deep_archive = 200d, expire = 30d }
  }
}
