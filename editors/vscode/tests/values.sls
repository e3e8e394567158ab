// SYNTAX TEST "source.slsc" "values: durations, sizes, numbers, strings, lists, records, tagged blocks, redrives"

app shop {
  timeout       = 500ms
//                ^^^ constant.numeric.duration.slsc - keyword.other.unit
//                   ^^ constant.numeric.duration.slsc keyword.other.unit.duration.slsc
  t1 = 30s
//     ^^ constant.numeric.duration.slsc
//       ^ keyword.other.unit.duration.slsc
  t2 = 15m
//       ^ keyword.other.unit.duration.slsc
  t3 = 2h
//      ^ keyword.other.unit.duration.slsc
  t4 = 14d
//       ^ keyword.other.unit.duration.slsc
  t5 = 1_000ms
//     ^^^^^ constant.numeric.duration.slsc
//          ^^ keyword.other.unit.duration.slsc
  memory        = 512MB
//                ^^^ constant.numeric.size.slsc
//                   ^^ constant.numeric.size.slsc keyword.other.unit.size.slsc
  m1 = 1GB
//      ^^ keyword.other.unit.size.slsc
  m2 = 256KB
//        ^^ keyword.other.unit.size.slsc
  n1 = 42
//     ^^ constant.numeric.integer.slsc
  n2 = -0.75
//     ^^^^^ constant.numeric.decimal.slsc
  n3 = 10_000
//     ^^^^^^ constant.numeric.integer.slsc
  b1 = true
//     ^^^^ constant.language.boolean.slsc
  b2 = false
//     ^^^^^ constant.language.boolean.slsc
  s1 = "say \"hi\" \\ \/ \n \t \r \u{1F600} \u{41}"
//     ^ string.quoted.double.slsc punctuation.definition.string.begin.slsc
//      ^^^^ string.quoted.double.slsc - constant
//          ^^ constant.character.escape.slsc
//                 ^^ constant.character.escape.slsc
//                    ^^ constant.character.escape.slsc
//                       ^^ constant.character.escape.slsc
//                          ^^ constant.character.escape.slsc
//                             ^^ constant.character.escape.slsc
//                                ^^^^^^^^^ constant.character.escape.slsc
//                                          ^^^^^^ constant.character.escape.slsc
//                                                ^ punctuation.definition.string.end.slsc
  url = "https://example.com/a//b"
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.slsc - comment
  tags { team = "shop", cost_center = "cc-114" }
//^^^^ variable.other.property.block.slsc
//                    ^ punctuation.separator.comma.slsc
}

api Storefront http {
  auth = jwt { issuer = "https://auth.example.com", audience = ["storefront"] }
//^^^^ variable.other.property.slsc
//     ^ keyword.operator.assignment.slsc
//       ^^^ entity.name.tag.slsc
//           ^ punctuation.section.block.begin.slsc
//             ^^^^^^ variable.other.property.slsc
//                                                             ^ punctuation.definition.list.begin.slsc
//                                                                          ^ punctuation.definition.list.end.slsc
  cors { methods = [GET, POST, "*"], max_age = 10m, credentials = true }
//                  ^^^ variable.other.enummember.http-method.slsc
//                       ^^^^ variable.other.enummember.http-method.slsc
//                             ^^^ string.quoted.double.slsc
  GET /health -> Health { auth = none }
//                               ^^^^ variable.other.enummember.option.slsc
}

table Sessions {
  key     = { token: binary, sk = "x" }
//          ^ punctuation.section.record.begin.slsc
//            ^^^^^ variable.other.property.entry.slsc
//                 ^ punctuation.separator.key-value.slsc
//                   ^^^^^^ support.type.primitive.slsc
//                           ^^ variable.other.property.entry.slsc
//                              ^ punctuation.separator.key-value.slsc
//                                    ^ punctuation.section.record.end.slsc
  key2 = {
    pk: string
//  ^^ variable.other.property.entry.slsc
//      ^^^^^^ support.type.primitive.slsc
    sk: number
  }
  billing = provisioned { read = 5, write = 5 }
//          ^^^^^^^^^^^ entity.name.tag.slsc
//                        ^^^^ variable.other.property.slsc
  billing2 = on_demand
//           ^^^^^^^^^ variable.other.enummember.option.slsc
  stream  = new_and_old_images
//          ^^^^^^^^^^^^^^^^^^ variable.other.enummember.option.slsc
}

queue Orders {
  dead_letter = OrdersDlq after 5 receives
//              ^^^^^^^^^ variable.other.reference.slsc
//                        ^^^^^ keyword.other.after.slsc
//                              ^ constant.numeric.integer.slsc
//                                ^^^^^^^^ keyword.other.receives.slsc
  dead_letter2 = OrdersDlq after 1 receive
//                                 ^^^^^^^ keyword.other.receives.slsc
}
