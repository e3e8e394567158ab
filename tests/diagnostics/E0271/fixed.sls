// E0271 fixed: every later class gets more days, 30 more after Standard-IA
app media { runtime = "python3.13" }

bucket Uploads {
  lifecycle {
    up       = { prefix = "a/", standard_ia = 30d, glacier = 60d }
    same_day = { prefix = "b/", glacier_ir = 10d, deep_archive = 100d }
    too_soon = { prefix = "c/", standard_ia = 30d, glacier = 60d }
  }
}
