// E0117: `in []` never holds
param Stage string { default = "dev" }

condition Never = Stage in []

queue Audit {
  when = Never
}
