// E0274: old versions kept for ever without a reason, and with an empty one
app records { runtime = "python3.13" }

bucket Contracts {
  old_versions = keep
}

bucket Invoices {
  old_versions = keep { reason = "" }
}
