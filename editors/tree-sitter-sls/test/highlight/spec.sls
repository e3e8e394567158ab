// Highlight assertions: `tree-sitter test` checks them with queries/highlights.scm.
use aws.s3
// <- keyword.import
//  ^^^ module
use "./events.sls"
//  ^^^^^^^^^^^^^^ string.special.path

app shop {
// <- keyword
//  ^^^^ type
//       ^ punctuation.bracket
  runtime = "python3.13" // pinned
//^^^^^^^ property
//        ^ operator
//          ^^^^^^^^^^^^ string
//                       ^^^^^^^^^ comment
  memory = 512MB, timeout = 500ms, n = -7, f = 2.5, ok = true
//         ^^^^^ number
//              ^ punctuation.delimiter
//                          ^^^^^ number
//                                     ^^ number
//                                             ^^^ number
//                                                       ^^^^ boolean
  architecture = arm64
//               ^^^^^ constant.builtin
  tags { team = "a\n\u{1F600}" }
//^^^^ property
//                ^^ string.escape
//                  ^^^^^^^^^ string.escape
}

type LineItem {
// <- keyword
//   ^^^^^^^^ type.definition
  bucket: S3Bucket
//^^^^^^ variable.member
//      ^ punctuation.delimiter
//        ^^^^^^^^ type
  qty?: int(min = 1)
//^^^ variable.member
//   ^ operator
//      ^^^ type.builtin
//          ^^^ property
  state: "new" | "paid"
//       ^^^^^ string
//             ^ operator
  "version-id": [string]
//^^^^^^^^^^^^ variable.member
//              ^ punctuation.bracket
//               ^^^^^^ type.builtin
}

event Placed from "shop" detail_type "Order Placed" external { id: string }
// <- keyword
//    ^^^^^^ type.definition
//           ^^^^ keyword
//                       ^^^^^^^^^^^ keyword
//                                                  ^^^^^^^^ keyword

queue Jobs of Job { dead_letter = Dlq after 5 receives }
// <- keyword
//    ^^^^ type
//         ^^ keyword
//    ^^^ type
//                  ^^^^^^^^^^^ property
//                                ^^^ variable
//                                    ^^^^^ keyword
//                                            ^^^^^^^^ keyword
table Orders { key = { pk: string }, billing = provisioned { read = 5 } }
// <- keyword
//                     ^^ property
//                         ^^^^^^ type.builtin
//                                             ^^^^^^^^^^^ constructor

function Worker {
// <- keyword
//       ^^^^^^ function
  env { TABLE = Orders.name, BUS = default.arn }
//      ^^^^^ property
//              ^^^^^^ variable
//                    ^ punctuation.delimiter
//                     ^^^^ variable.member
//                                 ^^^^^^^ variable.builtin
//                                         ^^^ variable.member
  reads Orders, Sessions
//^^^^^ keyword
//      ^^^^^^ variable
//              ^^^^^^^^ variable
  writes Orders
//^^^^^^ keyword
  sends Job to Jobs
//^^^^^ keyword
//      ^^^ type
//          ^^ keyword
//             ^^^^ variable
  publishes to Alerts
//^^^^^^^^^ keyword
  emits Placed to Shop
//^^^^^ keyword
//      ^^^^^^ type
//                ^^^^ variable
  invokes Helper
//^^^^^^^ keyword
//        ^^^^^^ variable
  on Uploads { prefix = "in/", events = [created] }
//^^ keyword
//   ^^^^^^^ variable
//             ^^^^^^ property
//                                       ^^^^^^^ constant.builtin
}

api Public http {
// <- keyword
//  ^^^^^^ type
//         ^^^^ constant.builtin
  auth = jwt { issuer = "https://a.example.com" }
//       ^^^ constructor
//             ^^^^^^ property
  GET /orders/{id} -> GetOrder { auth = none }
//^^^ keyword
//    ^^^^^^^^ string.special.path
//            ^^^^ variable.parameter
//                 ^^ operator
//                    ^^^^^^^^ variable
//                                      ^^^^ constant.builtin
  cors { methods = [GET, POST] }
//                  ^^^ constant.builtin
}

rule Big on default {
// <- keyword
//   ^^^ type
//       ^^ keyword
//          ^^^^^^^ variable.builtin
  match Placed where total >= 100 and (kind in ["a"] or code not prefix "x" ignoring case)
//^^^^^ keyword
//      ^^^^^^ type
//             ^^^^^ keyword
//                   ^^^^^ variable.member
//                         ^^ operator
//                                ^^^ keyword.operator
//                                    ^ punctuation.bracket
//                                     ^^^^ variable.member
//                                          ^^ keyword.operator
//                                                   ^^ keyword.operator
//                                                           ^^^ keyword.operator
//                                                               ^^^^^^ keyword.operator
//                                                                          ^^^^^^^^ keyword.operator
//                                                                                   ^^^^ keyword.operator
    and object."version-id" exists and ip cidr "10.0.0.0/8" and key matches "*.png"
//      ^^^^^^ variable.member
//                          ^^^^^^ keyword.operator
//                                        ^^^^ keyword.operator
//                                                                  ^^^^^^^ keyword.operator
  send to Fulfilment
//^^^^ keyword
//     ^^ keyword
//        ^^^^^^^^^^ variable
}

topic Alerts { subscribe Audit }
// <- keyword
//             ^^^^^^^^^ keyword
//                       ^^^^^ variable
schedule Nightly cron "0 3 * * ? *" -> Cleanup
// <- keyword
//       ^^^^^^^ type
//               ^^^^ keyword
//                                  ^^ operator
schedule Hourly every 1h -> Stats
//              ^^^^^ keyword
//                    ^^ number
bus Shop
// <- keyword
//  ^^^^ type
bucket Uploads
// <- keyword
//     ^^^^^^^ type
