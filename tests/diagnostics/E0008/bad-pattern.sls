bus Events

event Changed from "shop" {
  qty: int
}

queue Work

rule Route on Events {
  match Changed where ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((qty > 1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
  send to Work
}
