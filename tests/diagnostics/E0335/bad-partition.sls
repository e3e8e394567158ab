app example { runtime = "python3.13" }

queue Orders { external = true }
stream Clicks {}

// A Kinesis target needs the partition key of each record.
pipe OrdersToClicks from Orders -> Clicks {}
