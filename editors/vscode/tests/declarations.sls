// SYNTAX TEST "source.slsc" "declaration keywords and the names they declare"

use "./events.sls"
// <--- keyword.control.import.slsc
//  ^^^^^^^^^^^^^^ string.quoted.double.slsc
use aws.s3
// <--- keyword.control.import.slsc
//  ^^^^^^ entity.name.namespace.module.slsc

app shop {
// <--- storage.type.app.slsc
//  ^^^^ entity.name.type.app.slsc
//       ^ punctuation.section.block.begin.slsc
}
// <- punctuation.section.block.end.slsc

type LineItem { sku: string }
// <---- storage.type.type.slsc
//   ^^^^^^^^ entity.name.type.record.slsc

event OrderPlaced from "shop.orders" detail_type "Order Placed" external {
// <----- storage.type.event.slsc
//    ^^^^^^^^^^^ entity.name.type.event.slsc
//                ^^^^ keyword.other.from.slsc
//                     ^^^^^^^^^^^^^ string.quoted.double.slsc
//                                   ^^^^^^^^^^^ keyword.other.detail_type.slsc
//                                               ^^^^^^^^^^^^^^ string.quoted.double.slsc
//                                                              ^^^^^^^^ keyword.other.external.slsc
  orderId: string
}

function PlaceOrder {
// <-------- storage.type.function.slsc
//       ^^^^^^^^^^ entity.name.function.slsc
  handler = "orders.place"
}

api Public http {
// <--- storage.type.api.slsc
//  ^^^^^^ entity.name.type.api.slsc
//         ^^^^ variable.other.enummember.protocol.slsc
  POST /orders -> PlaceOrder
}

rule BigOrders on Shop {
// <---- storage.type.rule.slsc
//   ^^^^^^^^^ entity.name.type.rule.slsc
//             ^^ keyword.other.on.slsc
//                ^^^^ variable.other.reference.slsc
  match OrderPlaced
  send to Fulfilment
}

schedule Daily cron "0 6 * * ? *" -> Report
// <-------- storage.type.schedule.slsc
//       ^^^^^ entity.name.type.schedule.slsc
//             ^^^^ keyword.other.cron.slsc
//                  ^^^^^^^^^^^^^ string.quoted.double.slsc
//                                ^^ keyword.operator.arrow.slsc
//                                   ^^^^^^ variable.other.reference.slsc
schedule Hourly every 1h -> Report { dead_letter = ScheduleDlq }
// <-------- storage.type.schedule.slsc
//       ^^^^^^ entity.name.type.schedule.slsc
//              ^^^^^ keyword.other.every.slsc
//                    ^^ constant.numeric.duration.slsc
//                       ^^ keyword.operator.arrow.slsc
//                                 ^ punctuation.section.block.begin.slsc

queue Payments of PaymentRequest { fifo = true }
// <----- storage.type.queue.slsc
//    ^^^^^^^^ entity.name.type.queue.slsc
//             ^^ keyword.other.of.slsc
//                ^^^^^^^^^^^^^^ entity.name.type.reference.slsc
queue Fulfilment
// <----- storage.type.queue.slsc
//    ^^^^^^^^^^ entity.name.type.queue.slsc
topic Alerts of aws.s3.ObjectCreated
// <----- storage.type.topic.slsc
//    ^^^^^^ entity.name.type.topic.slsc
//              ^^^ entity.name.type.reference.slsc
//                 ^ punctuation.accessor.slsc
//                     ^^^^^^^^^^^^^ entity.name.type.reference.slsc
bus Shop
// <--- storage.type.bus.slsc
//  ^^^^ entity.name.type.bus.slsc
table Orders { key = { pk: string } }
// <----- storage.type.table.slsc
//    ^^^^^^ entity.name.type.table.slsc
bucket Uploads { eventbridge = true }
// <------ storage.type.bucket.slsc
//     ^^^^^^^ entity.name.type.bucket.slsc
queue A queue B
// <----- storage.type.queue.slsc
//    ^ entity.name.type.queue.slsc
//      ^^^^^ storage.type.queue.slsc
//            ^ entity.name.type.queue.slsc

// A comment: // and keywords such as queue inside it are comment text.
// <-- comment.line.double-slash.slsc punctuation.definition.comment.slsc
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.slsc
queue Jobs // trailing comment
//         ^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.slsc
secret DbPassword { name = "prod/db" }
// <------ storage.type.secret.slsc
//     ^^^^^^^^^^ entity.name.type.secret.slsc
//                  ^^^^ variable.other.property.slsc
parameter Settings { path = "/shop/" }
// <--------- storage.type.parameter.slsc
//        ^^^^^^^^ entity.name.type.parameter.slsc
