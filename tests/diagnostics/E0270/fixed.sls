// E0270 fixed: 30 days first, or a class that takes objects from day 0
app media { runtime = "python3.13" }

bucket Uploads {
  lifecycle {
    originals = { prefix = "originals/", standard_ia = 30d }
    scratch   = { prefix = "tmp/", intelligent_tiering = 1d, expire = 60d }
  }
}
