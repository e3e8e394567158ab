// E0203: FIFO high throughput on a standard queue
app shop { runtime = "python3.13" }

queue Orders {
  high_throughput = true
  dead_letter     = drop { reason = "orders are replayed from the table" }
  external        = true
}

function Ship {
  handler = "ship.handler"
  on Orders { batch = 10, partial_failures = true }
}
