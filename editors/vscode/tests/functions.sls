// SYNTAX TEST "source.slsc" "function bodies: properties, blocks, access verbs, triggers"

function Worker {
  handler       = "worker.main"
//^^^^^^^ variable.other.property.slsc
//              ^ keyword.operator.assignment.slsc
//                ^^^^^^^^^^^^^ string.quoted.double.slsc
  architecture  = arm64
//                ^^^^^ variable.other.enummember.option.slsc
  tracing       = passthrough
//                ^^^^^^^^^^^ variable.other.enummember.option.slsc
  on_failure    = Failures
//^^^^^^^^^^ variable.other.property.slsc - keyword.other.on.slsc
//                ^^^^^^^^ variable.other.reference.slsc
  env {
//^^^ variable.other.property.block.slsc
//    ^ punctuation.section.block.begin.slsc
    TABLE       = Orders.name
//  ^^^^^ variable.other.property.slsc
//                ^^^^^^ variable.other.reference.slsc
//                      ^ punctuation.accessor.slsc
//                       ^^^^ variable.other.member.slsc
    DEFAULT_BUS = default.arn
//                ^^^^^^^ variable.language.default-bus.slsc
//                        ^^^ variable.other.member.slsc
    LOG_LEVEL   = "info"
  }
//^ punctuation.section.block.end.slsc
  reads Orders, Sessions
//^^^^^ keyword.other.verb.reads.slsc
//      ^^^^^^ variable.other.reference.slsc
//            ^ punctuation.separator.comma.slsc
//              ^^^^^^^^ variable.other.reference.slsc
  writes Orders
//^^^^^^ keyword.other.verb.writes.slsc
//       ^^^^^^ variable.other.reference.slsc
  sends to Jobs
//^^^^^ keyword.other.verb.sends.slsc
//      ^^ keyword.other.to.slsc
//         ^^^^ variable.other.reference.slsc
  sends PaymentRequest to Payments
//^^^^^ keyword.other.verb.sends.slsc
//      ^^^^^^^^^^^^^^ entity.name.type.reference.slsc
//                     ^^ keyword.other.to.slsc
//                        ^^^^^^^^ variable.other.reference.slsc
  publishes to Alerts
//^^^^^^^^^ keyword.other.verb.publishes.slsc
//          ^^ keyword.other.to.slsc
//             ^^^^^^ variable.other.reference.slsc
  emits OrderPlaced, OrderCancelled to Shop
//^^^^^ keyword.other.verb.emits.slsc
//      ^^^^^^^^^^^ entity.name.type.reference.slsc
//                 ^ punctuation.separator.comma.slsc
//                   ^^^^^^^^^^^^^^ entity.name.type.reference.slsc
//                                  ^^ keyword.other.to.slsc
//                                     ^^^^ variable.other.reference.slsc
  emits Ping to default
//              ^^^^^^^ variable.language.default-bus.slsc
  invokes Helper
//^^^^^^^ keyword.other.verb.invokes.slsc
//        ^^^^^^ variable.other.reference.slsc
  reads Orders, writes Orders, on_failure = Failures
//^^^^^ keyword.other.verb.reads.slsc
//      ^^^^^^ variable.other.reference.slsc
//              ^^^^^^ keyword.other.verb.writes.slsc
//                     ^^^^^^ variable.other.reference.slsc
//                             ^^^^^^^^^^ variable.other.property.slsc
//                                        ^ keyword.operator.assignment.slsc
//                                          ^^^^^^^^ variable.other.reference.slsc
  reads Uploads,
        Assets
//      ^^^^^^ variable.other.reference.slsc
  on Fulfilment { batch = 10, window = 5s, partial_failures = true }
//^^ keyword.other.on.slsc
//   ^^^^^^^^^^ variable.other.reference.slsc
//              ^ punctuation.section.block.begin.slsc
//                ^^^^^ variable.other.property.slsc
//                          ^ punctuation.separator.comma.slsc
//                                                            ^^^^ constant.language.boolean.slsc
//                                                                 ^ punctuation.section.block.end.slsc
  on Orders.stream { start = trim_horizon, retries = -1 }
//   ^^^^^^ variable.other.reference.slsc
//          ^^^^^^ variable.other.member.slsc
//                           ^^^^^^^^^^^^ variable.other.enummember.option.slsc
//                                                   ^^ constant.numeric.integer.slsc
  on Uploads { events = [created, removed], prefix = "incoming/", suffix = ".mp4" }
//                      ^ punctuation.definition.list.begin.slsc
//                       ^^^^^^^ variable.other.enummember.option.slsc
//                              ^ punctuation.separator.comma.slsc
//                                ^^^^^^^ variable.other.enummember.option.slsc
//                                       ^ punctuation.definition.list.end.slsc
//                                          ^^^^^^ variable.other.property.slsc - keyword
//                                                                ^^^^^^ variable.other.property.slsc - keyword
}
