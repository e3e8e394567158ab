// E0401: `match any` filters on the event envelope, which has no `sources`
app shop { runtime = "python3.13" }

queue Archive {
  dead_letter = drop { reason = "the archive is best effort" }
  external    = true
}

rule Partners on default {
  match any where sources prefix "partner."
  send to Archive
  dead_letter = drop { reason = "partners resend on failure" }
}
