// W0312: the dead-letter queue keeps messages for 4 days (the default), as long as its source
app orders {
  runtime = "python3.13"
}

queue OrdersDlq

queue Orders {
  retention   = 4d
  dead_letter = OrdersDlq after 5 receives
}

function Fulfil {
  handler = "fulfil.handler"
  on Orders
}
