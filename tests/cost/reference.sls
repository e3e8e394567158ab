// The seed's reference workload: 3 million invocations a month of a
// 512 MB x86_64 function that runs 200 ms, in us-east-1.
app reference { runtime = "python3.13" }

function Process {
  handler          = "process.main"
  memory           = 512MB
  architecture     = x86_64
  average_duration = 200ms
  traffic          = 3_000_000/month
  external         = true
}
