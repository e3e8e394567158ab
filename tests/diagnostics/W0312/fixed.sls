// W0312 fixed: the dead-letter queue keeps messages for 14 days, longer than its source.
app orders {
  runtime = "python3.13"
}

queue OrdersDlq {
  retention = 14d
}

queue Orders {
  retention   = 4d
  dead_letter = OrdersDlq after 5 receives
}

function Fulfil {
  handler = "fulfil.handler"
  on Orders
}
