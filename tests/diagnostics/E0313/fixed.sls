// E0313 fixed: a shorter name gives logical IDs CloudFormation accepts.
app reports {
  runtime = "python3.13"
}

queue Failures { retention = 14d }

function SummarizeQuarter {
  handler    = "report.handler"
  on_failure = Failures
}

schedule Nightly every 1d -> SummarizeQuarter {
  dead_letter = Failures
}
