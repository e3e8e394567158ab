// E0274 fixed: a reason, or a lifetime for old versions
app records { runtime = "python3.13" }

bucket Contracts {
  old_versions = keep { reason = "signed contracts are kept for the legal hold" }
}

bucket Invoices {
  old_versions = 365d
}
