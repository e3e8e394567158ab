// E0320: a stream consumer that writes the table it reads the stream of
app audit {
  runtime = "python3.13"
}

queue Failed { retention = 14d }

table Items {
  key    = { id: string }
  stream = new_and_old_images
}

function Stamp {
  handler = "stamp.handler"
  on Items.stream { batch = 10, partial_failures = true, retries = 3, on_failure = Failed }
  writes Items
}
