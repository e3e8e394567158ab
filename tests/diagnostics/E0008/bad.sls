type Deep {
  data: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[string]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
}

bus Events

event Changed from "shop" {
  data: Deep
}

queue Work

rule Route on Events {
  match Changed
  send to Work
  dead_letter = drop { reason = "test" }
}
