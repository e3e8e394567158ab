// E0270: objects moved to an infrequent-access class before 30 days
app media { runtime = "python3.13" }

bucket Uploads {
  lifecycle {
    originals = { prefix = "originals/", standard_ia = 7d }
    scratch   = { prefix = "tmp/", one_zone_ia = 1d, expire = 60d }
  }
}
