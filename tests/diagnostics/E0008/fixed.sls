type Matrix {
  rows: [[number]]
}

type Deep {
  data: [Matrix]
}

bus Events

event Changed from "shop" external {
  data: Deep
}

queue Work

rule Route on Events {
  match Changed
  send to Work
  dead_letter = drop { reason = "test" }
}
