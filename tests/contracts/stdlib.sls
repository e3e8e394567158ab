// Uses every standard library module, so that CI validates the schemas and
// samples of all AWS service events slsc ships.
use aws.s3
use aws.scheduler
use aws.cloudtrail

type Item {
  sku: string(pattern = "^[A-Z]{3}-[0-9]+$", example = "ABC-1", max_length = 20)
  qty: int(min = 1, max = 99)
  price: number(min = 0)
  tags: [string](min_items = 0, max_items = 5)
}

event Checked from "tests.contracts" external {
  items: [Item](min_items = 1)
  at: timestamp
  note?: string(min_length = 3)
}

queue Sink

rule All on default {
  match Checked where items.qty > 1
  send to Sink
}
