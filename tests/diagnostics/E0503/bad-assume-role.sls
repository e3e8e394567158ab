// E0503: `sts:AssumeRole` on `*` lets the function assume any role that
// trusts the account, and no reason is given
app shop {
  runtime = "python3.13"
}

queue Exports {
  external    = true
  dead_letter = drop { reason = "an export is requested again from the console" }
}

function StartExport {
  handler = "exports.start"
  allow "sts:AssumeRole" on "*"
  on Exports { batch = 1 }
}
