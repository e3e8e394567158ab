// W0275: objects leave Glacier and Deep Archive before their minimum durations
app media { runtime = "python3.13" }

bucket Uploads {
  lifecycle {
    originals = { prefix = "originals/", glacier = 30d, expire = 60d }
    archive   = { prefix = "archive/", glacier_ir = 0d, deep_archive = 30d, expire = 100d }
  }
}
