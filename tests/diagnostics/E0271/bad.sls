// E0271: moves up the waterfall, on the same day, and out of Standard-IA too soon
app media { runtime = "python3.13" }

bucket Uploads {
  lifecycle {
    up       = { prefix = "a/", glacier = 30d, standard_ia = 60d }
    same_day = { prefix = "b/", glacier_ir = 10d, deep_archive = 10d }
    too_soon = { prefix = "c/", standard_ia = 30d, glacier = 45d }
  }
}
