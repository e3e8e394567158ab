// SYNTAX TEST "source.slsc" "rules, filters and their operators, topics"

rule Filters on default {
//              ^^^^^^^ variable.language.default-bus.slsc
  match OrderPlaced where total > 10 and total <= 500
//^^^^^ keyword.other.match.slsc
//      ^^^^^^^^^^^ entity.name.type.reference.slsc
//                  ^^^^^ keyword.other.where.slsc
//                        ^^^^^ variable.other.field.slsc
//                              ^ keyword.operator.comparison.slsc
//                                ^^ constant.numeric.integer.slsc
//                                   ^^^ keyword.operator.wordlike.logical.slsc
//                                             ^^ keyword.operator.comparison.slsc
    and status != "void"
//  ^^^ keyword.operator.wordlike.logical.slsc
//      ^^^^^^ variable.other.field.slsc
//             ^^ keyword.operator.comparison.slsc
//                ^^^^^^ string.quoted.double.slsc
    and orderId prefix "ord-" and orderId not suffix "-x" ignoring case
//              ^^^^^^ keyword.operator.wordlike.pattern.slsc
//                                        ^^^ keyword.operator.wordlike.logical.slsc
//                                            ^^^^^^ keyword.operator.wordlike.pattern.slsc
//                                                        ^^^^^^^^ keyword.operator.wordlike.pattern.ignoring.slsc
//                                                                 ^^^^ keyword.operator.wordlike.pattern.case.slsc
    and address.city in ["Paris", "Lyon"]
//      ^^^^^^^ variable.other.field.slsc
//             ^ punctuation.accessor.slsc
//              ^^^^ variable.other.field.slsc
//                   ^^ keyword.operator.wordlike.pattern.slsc
//                      ^ punctuation.definition.list.begin.slsc
//                              ^ punctuation.separator.comma.slsc
    and coupon not exists and status not in ["x"]
//             ^^^ keyword.operator.wordlike.logical.slsc
//                 ^^^^^^ keyword.operator.wordlike.pattern.slsc
//                                   ^^^ keyword.operator.wordlike.logical.slsc
//                                       ^^ keyword.operator.wordlike.pattern.slsc
    and (vip = true or items >= 3) and amount < -1.5
//      ^ punctuation.section.parens.begin.slsc
//       ^^^ variable.other.field.slsc
//           ^ keyword.operator.comparison.slsc
//             ^^^^ constant.language.boolean.slsc
//                  ^^ keyword.operator.wordlike.logical.slsc
//                           ^^ keyword.operator.comparison.slsc
//                               ^ punctuation.section.parens.end.slsc
//                                            ^ keyword.operator.comparison.slsc
//                                              ^^^^ constant.numeric.decimal.slsc
    and key matches "dir/*.png" and ip cidr "10.0.0.0/24"
//          ^^^^^^^ keyword.operator.wordlike.pattern.slsc
//                                     ^^^^ keyword.operator.wordlike.pattern.slsc
    and object."version-id" exists and name = "a" ignoring case
//      ^^^^^^ variable.other.field.slsc
//            ^ punctuation.accessor.slsc
//             ^^^^^^^^^^^^ string.quoted.double.slsc
//                                                ^^^^^^^^ keyword.operator.wordlike.pattern.ignoring.slsc
  send to Fulfilment
//^^^^ keyword.other.send.slsc - meta.filter
//     ^^ keyword.other.to.slsc
//        ^^^^^^^^^^ variable.other.reference.slsc
  retry { attempts = 8, max_age = 1h }
//^^^^^ variable.other.property.block.slsc - meta.filter
  dead_letter = RuleDlq
//^^^^^^^^^^^ variable.other.property.slsc - meta.filter
}

rule OneLine on Shop { match E where a = 1, dead_letter = Q, send to F }
//                                   ^ variable.other.field.slsc
//                                       ^ constant.numeric.integer.slsc
//                                          ^^^^^^^^^^^ variable.other.property.slsc - meta.filter
//                                                           ^^^^ keyword.other.send.slsc
rule Qualified on default {
  match aws.s3.ObjectCreated where bucket.name = "uploads"
//      ^^^ entity.name.type.reference.slsc
//         ^ punctuation.accessor.slsc
//          ^^ entity.name.type.reference.slsc
//             ^^^^^^^^^^^^^ entity.name.type.reference.slsc
//                                 ^^^^^^ variable.other.field.slsc - storage
//                                        ^^^^ variable.other.field.slsc
  send to Audit
}

topic AssetReady {
  subscribe Audit
//^^^^^^^^^ keyword.other.subscribe.slsc
//          ^^^^^ variable.other.reference.slsc
  fifo = true
}
