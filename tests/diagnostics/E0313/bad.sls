// E0313: the function's generated logical IDs (`<name>Role`, `<name>LogGroup`) are over 255 characters
app reports {
  runtime = "python3.13"
}

queue Failures { retention = 14d }

function SummarizeQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterly {
  handler    = "report.handler"
  on_failure = Failures
}

schedule Nightly every 1d -> SummarizeQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterlyQuarterly {
  dead_letter = Failures
}
