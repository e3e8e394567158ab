// SYNTAX TEST "source.slsc" "types and event fields"

type LineItem {
  sku:   string(max_length = 20, pattern = "^[A-Z]+$")
//^^^ variable.other.field.slsc
//   ^ punctuation.separator.key-value.slsc
//       ^^^^^^ support.type.primitive.slsc
//             ^ punctuation.section.parens.begin.slsc
//              ^^^^^^^^^^ variable.other.property.constraint.slsc
//                         ^ keyword.operator.assignment.slsc
//                           ^^ constant.numeric.integer.slsc
//                                                   ^ punctuation.section.parens.end.slsc
  qty:   int(min = 1, max = 99)
//       ^^^ support.type.primitive.slsc
  price: number
//       ^^^^^^ support.type.primitive.slsc
  gift?: bool
//    ^ keyword.operator.optional.slsc
//     ^ punctuation.separator.key-value.slsc
//       ^^^^ support.type.primitive.slsc
  tags:  [string](min_items = 1)
//       ^ punctuation.definition.list.begin.slsc
//        ^^^^^^ support.type.primitive.slsc
//              ^ punctuation.definition.list.end.slsc
  items: [LineItem]
//        ^^^^^^^^ entity.name.type.reference.slsc
  size:  { width: int, height: int }
//       ^ punctuation.section.block.begin.slsc
//         ^^^^^ variable.other.field.slsc
//                   ^ punctuation.separator.comma.slsc
//                                 ^ punctuation.section.block.end.slsc
  state: "new" | "paid"
//       ^^^^^ string.quoted.double.slsc
//             ^ keyword.operator.union.slsc
  "source-ip-address"?: string
//^^^^^^^^^^^^^^^^^^^ string.quoted.double.field-name.slsc
//                   ^ keyword.operator.optional.slsc
  type: string
//^^^^ variable.other.field.slsc - storage
  bucket: S3Bucket
//^^^^^^ variable.other.field.slsc - storage
//        ^^^^^^^^ entity.name.type.reference.slsc
}
