// W0275 fixed: objects stay each class's minimum duration
app media { runtime = "python3.13" }

bucket Uploads {
  lifecycle {
    originals = { prefix = "originals/", glacier = 30d, expire = 120d }
    archive   = { prefix = "archive/", glacier_ir = 0d, deep_archive = 90d, expire = 270d }
  }
}
